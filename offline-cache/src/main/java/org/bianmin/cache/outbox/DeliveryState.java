package org.bianmin.cache.outbox;

/** pending → sending → delivered, or → blocked (permanent failure; an operator retries it). */
public enum DeliveryState { PENDING, SENDING, DELIVERED, BLOCKED }
