package org.bianmin.cache.audit;

public enum Outcome { SUCCESS, FAILURE, DENIED }
