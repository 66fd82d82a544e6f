package org.bianmin.device.idcard;

import java.util.Optional;

/**
 * Turns the WLT photo blob into pixels. Decoding WLT needs a proprietary vendor library, so none ships; a kiosk
 * with a licensed decoder plugs it in here and the UI shows a placeholder otherwise.
 */
@FunctionalInterface
public interface PhotoDecoder {

    /** A decoded photo: {@code argb} row by row, {@code width × height} pixels (cards hold 102 × 126). */
    record DecodedPhoto(int width, int height, int[] argb) {}

    /** The decoded photo, or empty when this decoder cannot decode the blob. Never throws. */
    Optional<DecodedPhoto> decode(CardBlob photo);

    /** The decoder used when none is installed. */
    static PhotoDecoder none() {
        return photo -> Optional.empty();
    }
}
