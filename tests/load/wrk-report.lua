-- wrk script for bin/bench.sh: adds no per-request work (no request/response
-- functions, so wrk keeps its fast path) and prints the run's figures as one
-- JSON line that bench.sh picks up. Latencies are in microseconds.
done = function(summary, latency, requests)
	local errors = summary.errors
	io.write(string.format(
		'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,'
			.. '"connect":%d,"read":%d,"write":%d,"timeout":%d,"status":%d,'
			.. '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f}\n',
		summary.requests, summary.duration, summary.bytes,
		errors.connect, errors.read, errors.write, errors.timeout, errors.status,
		latency:percentile(50), latency:percentile(90), latency:percentile(99),
		latency.max, latency.mean
	))
end
