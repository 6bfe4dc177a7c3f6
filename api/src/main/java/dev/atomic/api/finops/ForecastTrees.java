package dev.atomic.api.finops;

import dev.atomic.dte.WorkingDirectories;
import dev.atomic.dte.git.Repositories;

/** Where forecasts read files from: directories under the allowed roots, or fresh clones. */
record ForecastTrees(WorkingDirectories roots, Repositories repositories) {}
