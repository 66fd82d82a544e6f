package org.bianmin.device.idcard;

/** The three cards the reader reads, told apart by the type flag at bytes 248–249 of the text block. */
public enum CardType {
    /** 居民身份证: flag is a space. */
    RESIDENT,
    /** 外国人永久居留身份证: flag "I". */
    FOREIGN_PERMANENT,
    /** 港澳台居民居住证: flag "J". */
    HMT_RESIDENCE
}
