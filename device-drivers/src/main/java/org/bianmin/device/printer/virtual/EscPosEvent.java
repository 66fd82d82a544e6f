package org.bianmin.device.printer.virtual;

import org.bianmin.device.printer.EscPos;
import org.bianmin.device.printer.QrRaster;

/** What the virtual printer's decoder makes of the byte stream. */
public sealed interface EscPosEvent {

    /** {@code ESC @}. */
    record Init() implements EscPosEvent {}

    /** A printed line with the style in force when its first byte arrived. */
    record TextLine(String text, EscPos.Align align, boolean bold, int widthMultiplier, int heightMultiplier)
            implements EscPosEvent {}

    /** A native {@code GS ( k} symbol as printed by function 181. */
    record QrCode(String payload, int moduleDots, EscPos.QrErrorLevel level, EscPos.Align align)
            implements EscPosEvent {}

    /** {@code GS v 0} image; consecutive bands of the same width are joined into one. */
    record Raster(QrRaster image, EscPos.Align align) implements EscPosEvent {}

    record Feed(int lines) implements EscPosEvent {}

    record Cut() implements EscPosEvent {}

    /** {@code DLE EOT n}: the virtual printer answers it at once; not part of the transcript. */
    record StatusRequest(int n) implements EscPosEvent {}

    /** Bytes the decoder could not make sense of; it skips the first and resynchronises. */
    record Rejected(String reason, int firstByte) implements EscPosEvent {}
}
