package org.bianmin.device.status;

/** Fill level of a consumable (receipt paper, ribbon), as printers report it. */
public enum SupplyLevel { FULL, LOW, OUT, UNKNOWN }
