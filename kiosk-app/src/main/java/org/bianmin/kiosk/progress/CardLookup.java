package org.bianmin.kiosk.progress;

import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.bianmin.device.idcard.IdCardReader;
import org.bianmin.kiosk.session.CardLeftBehind;

/**
 * Progress by placing the ID card: the reader (polled while the progress screen shows), its thread, what the
 * holder of an ID number has applied for (blocking: run on {@code background}), and what becomes of a card read
 * here once the citizen leaves the screen ({@code afterwards}: it is only to be taken away).
 */
public record CardLookup(IdCardReader reader, ExecutorService devices, Function<String, HolderProgress> lookup,
                         CardLeftBehind afterwards) {}
