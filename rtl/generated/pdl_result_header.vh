// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:eb059c852c693d9ace5492704e6caa324353da7b1b935ce3b0e1ac0f5e3a055a

// The accelerator's result stream, per window: the header word, the timestamp word, then the outputs (docs/accelerator.md, "Result words").
localparam RESULT_HEADER_WORD    = 0;    // index of the header word
localparam RESULT_TIMESTAMP_WORD = 1;    // index of the capture timestamp word (32 bits)
localparam RESULT_HEAD_WORDS     = 2;    // words in front of the outputs
localparam RESULT_MARKER         = 165;  // header word bits MARKER_SHIFT +: 8
localparam RESULT_MARKER_SHIFT   = 24;
localparam RESULT_TAG_SHIFT      = 16;   // the window's tag (input port)
localparam RESULT_TAG_BITS       = 8;
localparam RESULT_SEQUENCE_SHIFT = 0;    // the window's sequence number; a gap means dropped windows
localparam RESULT_SEQUENCE_BITS  = 16;
