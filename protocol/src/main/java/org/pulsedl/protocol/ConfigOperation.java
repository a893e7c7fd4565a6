package org.pulsedl.protocol;

/** What a CONFIG frame does with its entries. */
public enum ConfigOperation implements Coded {
    GET(0, "host asks for the listed keys (values ignored; no entries = all keys); the board answers VALUES"),
    SET(1, "host sets the listed keys; the board answers ACK, or NACK naming the first bad key"),
    VALUES(2, "board reports the current values (reply to GET)");

    private final int code;
    private final String description;

    ConfigOperation(int code, String description) {
        this.code = code;
        this.description = description;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public String description() {
        return description;
    }
}
