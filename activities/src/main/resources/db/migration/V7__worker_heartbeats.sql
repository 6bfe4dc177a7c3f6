-- Which worker processes serve which task queue, as each reports every few seconds: the REST
-- facade's /health on a service's port needs a live worker on that service's queue (the
-- embedded Temporal test server cannot describe task queues, so workers say so themselves).
CREATE TABLE worker_heartbeats (
    worker_id   VARCHAR(200) NOT NULL,
    task_queue  VARCHAR(64)  NOT NULL,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (worker_id, task_queue)
);
