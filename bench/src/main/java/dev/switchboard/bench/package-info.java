/**
 * Measures Switchboard against the performance budgets of DESIGN.md section 12, in process and without HTTP: JMH
 * benchmarks of the pipeline, the audit chain hash and the command parser, a fixed-rate and burst driver
 * ({@link dev.switchboard.bench.RateDriver}) and an {@code audit verify} timing
 * ({@link dev.switchboard.bench.AuditVerifyTiming}), and end to end over a real IRC server,
 * {@link dev.switchboard.bench.IrcDriver} (ngIRCd, the real IRC adapter, raw-socket users). The engine is wired by hand in {@link dev.switchboard.bench.BenchEngine}
 * as the app wires it, minus the web server and chat adapters. The alert storm
 * ({@link dev.switchboard.bench.AlertStormDriver}) instead runs a whole server through the app's wiring and speaks
 * HTTP and the web chat to it; {@link dev.switchboard.bench.WebhookIntakeBenchmark} is its parse-and-store path.
 * Results and how to reproduce them: docs/benchmarks.md.
 */
package dev.switchboard.bench;
