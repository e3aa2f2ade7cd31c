package org.pharmamaturity.evaluation.kpi;

import java.util.List;

/** A KPI snapshot that cannot be used; lists every problem with its place in the document. */
public class KpiSnapshotException extends RuntimeException {

    private final List<String> problems;

    public KpiSnapshotException(String source, List<String> problems) {
        super("KPI snapshot " + source + " is not usable: " + String.join("; ", problems)
                + "; fix the document and submit it again");
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
