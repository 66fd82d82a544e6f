package org.bianmin.kiosk.progress;

import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.bianmin.device.idcard.IdCardReader;

/**
 * Progress by placing the ID card: the reader (polled while the progress screen shows), its thread, and what the
 * holder of an ID number has applied for (blocking: run on {@code background}).
 */
public record CardLookup(IdCardReader reader, ExecutorService devices, Function<String, HolderProgress> lookup) {}
