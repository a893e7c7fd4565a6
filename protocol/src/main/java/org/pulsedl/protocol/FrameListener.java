package org.pulsedl.protocol;

/** Receives each intact frame, in wire order, on the decoding thread. */
@FunctionalInterface
public interface FrameListener {
    void onFrame(Frame frame);
}
