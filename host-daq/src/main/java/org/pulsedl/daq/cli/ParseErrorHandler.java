package org.pulsedl.daq.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * A command line that does not parse (unknown option, missing value, a value of the wrong type) gives one line
 * naming the option and the problem, with a pointer to the command's help instead of the whole usage text.
 */
final class ParseErrorHandler implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String command = cl.getCommandSpec().qualifiedName(" ");
        StringBuilder line = new StringBuilder(command).append(": error: ").append(message(ex));
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) line.append("; did you mean ").append(String.join(" or ", suggestions)).append('?');
        }
        line.append(" (see '").append(command).append(" --help')");
        err.println(line);
        err.flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** picocli's message in the user's terms: no Java type names ("is not an int" → "is not a whole number"). */
    static String message(CommandLine.ParameterException ex) {
        // Argument-group messages start with "Error: ", which the line's own "error: " already says.
        String m = ErrorText.clean(ex.getMessage()).replaceFirst("^Error:\\s*", "")
                .replaceAll("is not an? (int|long|short|byte|Integer|Long)\\b", "is not a whole number (or is too large)")
                .replaceAll("is not an? (double|float|Double|Float)\\b", "is not a number");
        return ErrorText.oneLine(m.isEmpty() ? "invalid command line" : m);
    }
}
