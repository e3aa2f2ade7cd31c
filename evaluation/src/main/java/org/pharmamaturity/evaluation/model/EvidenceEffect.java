package org.pharmamaturity.evaluation.model;

/** What an evidence rule does when it applies: keep the declared grade as confirmed, or cap it. */
public enum EvidenceEffect {
    CONFIRM,
    CAP
}
