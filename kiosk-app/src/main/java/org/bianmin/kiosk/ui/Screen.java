package org.bianmin.kiosk.ui;

/** A screen's view-model: plain logic that tests drive without a window; {@link ViewFactory} renders it. */
public interface Screen {}
