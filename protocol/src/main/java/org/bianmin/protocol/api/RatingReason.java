package org.bianmin.protocol.api;

/**
 * Why a citizen gave a 差评 (score 1 or 2), along the offline indicators of the national 好差评 rules: efficiency,
 * guidance, materials, the machine, attitude. The office follows each up, so they travel as codes, not prose.
 */
public enum RatingReason { SLOW, UNCLEAR_GUIDANCE, TOO_MANY_MATERIALS, MACHINE_PROBLEM, ATTITUDE, OTHER }
