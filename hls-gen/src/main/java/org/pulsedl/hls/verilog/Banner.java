package org.pulsedl.hls.verilog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The header of every generated file (STYLE item 6): that it is generated, the command that made it, the
 * tool and version, and a SHA-256 over the inputs. It never holds a date, so regenerating from unchanged
 * inputs changes no byte. The lines carry no comment markers; each writer adds its own ({@code //},
 * {@code /* *}{@code /}, {@code <!-- -->}, a JSON object).
 */
public record Banner(String command, String tool, String inputHash) {
    /** The first banner line: it marks a file as generated (a later generation may replace it). */
    public static final String GENERATED = "Generated file - do not edit; regenerate it instead.";

    public Banner {
        checkText("command", command);
        checkText("tool", tool);
        if (!inputHash.matches("sha256:[0-9a-f]{64}")) {
            throw new VerilogSpecException("banner: input hash '" + inputHash + "' is not sha256:<64 hex digits>");
        }
    }

    /** A banner whose hash covers {@code inputs} in order (each length-prefixed, so boundaries count). */
    public static Banner of(Provenance provenance, List<byte[]> inputs) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] in : inputs) {
                md.update(Long.toString(in.length).getBytes(StandardCharsets.US_ASCII));
                md.update((byte) ':');
                md.update(in);
            }
            return new Banner(provenance.command(), provenance.tool(), "sha256:" + HexFormat.of().formatHex(md.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** A banner whose hash covers a canonical text description of the inputs. */
    public static Banner of(Provenance provenance, String canonicalInput) {
        return of(provenance, List.of(canonicalInput.getBytes(StandardCharsets.UTF_8)));
    }

    /** The banner text, one entry per line, without comment markers. */
    public List<String> lines() {
        return List.of(
                GENERATED,
                "Command: " + command,
                "Tool: " + tool,
                "Input hash: " + inputHash);
    }

    private static void checkText(String what, String s) {
        if (s == null || s.isBlank()) {
            throw new VerilogSpecException("banner: " + what + " is empty");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new VerilogSpecException("banner: " + what + " '" + s.strip() + "' must be printable ASCII on one line");
            }
        }
        if (s.contains("*/") || s.contains("-->")) {
            throw new VerilogSpecException("banner: " + what + " '" + s + "' must not contain a comment terminator");
        }
    }
}
