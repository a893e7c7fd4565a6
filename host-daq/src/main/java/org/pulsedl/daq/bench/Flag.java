package org.pulsedl.daq.bench;

/**
 * A reason not to read a method's number as a plain result (DESIGN §3): printed beside the number in the table
 * and listed in the JSON's {@code flags}.
 *
 * @param code     stable identifier for tools ({@code below_bound}, {@code hidden_channel_error},
 *                 {@code poor_gaussian_fit}, {@code saturated})
 * @param quantity what the flag is about: {@code time} or {@code energy}
 * @param message  one sentence for a person, with the numbers behind it
 */
public record Flag(String code, String quantity, String message) {
    public static final String TIME = "time";
    public static final String ENERGY = "energy";
}
