package dev.atomic.api.finops;

import dev.atomic.dte.Repositories;
import dev.atomic.dte.WorkingDirectories;

/** Where forecasts read files from: directories under the allowed roots, or fresh clones. */
record ForecastTrees(WorkingDirectories roots, Repositories repositories) {}
