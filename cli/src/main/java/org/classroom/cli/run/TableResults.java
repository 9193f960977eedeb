package org.classroom.cli.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.classroom.common.model.VideoResult;
import org.classroom.common.results.ResultsTable;

/** Reads the JSON results the function keeps in the results table, for the videos waited on. */
public final class TableResults implements ResultSource {

    private final ResultsTable table;
    private final Collection<String> videoKeys;

    public TableResults(ResultsTable table, Collection<String> videoKeys) {
        this.table = table;
        this.videoKeys = videoKeys;
    }

    @Override
    public List<VideoResult> current() {
        List<VideoResult> results = new ArrayList<>();
        for (String key : videoKeys) {
            table.get(key).ifPresent(results::add);
        }
        return results;
    }

    @Override
    public String describe() {
        return "the results table " + table.name();
    }
}
