package org.pharmamaturity.streams.kpi;

import org.pharmamaturity.evaluation.kpi.OeeTotals;
import org.pharmamaturity.schemas.avro.OeeComponents;
import org.pharmamaturity.streams.state.avro.OeeFigures;

/** Converts between the evaluation library's OeeTotals and the records that carry them. */
public final class OeeFigureRecords {

    private OeeFigureRecords() {
    }

    /** The totals as the internal record. */
    public static OeeFigures toFigures(OeeTotals totals) {
        return new OeeFigures(totals.windowMs(), totals.observedMs(), totals.plannedStopMs(), totals.runningMs(),
                totals.idealRunTimeMs(), totals.goodCount(), totals.rejectCount(), totals.conflictingChanges(),
                totals.duplicateChanges());
    }

    /** The internal record as totals. */
    public static OeeTotals toTotals(OeeFigures figures) {
        return new OeeTotals(figures.getWindowMs(), figures.getObservedMs(), figures.getPlannedStopMs(),
                figures.getRunningMs(), figures.getIdealRunTimeMs(), figures.getGoodCount(), figures.getRejectCount(),
                figures.getConflictingChanges(), figures.getDuplicateChanges());
    }

    /** The times and counts as the output topics carry them. */
    public static OeeComponents toComponents(OeeTotals totals) {
        return new OeeComponents(totals.observedMs(), totals.plannedStopMs(), totals.runningMs(),
                totals.idealRunTimeMs(), totals.goodCount(), totals.rejectCount());
    }
}
