package io.triage.bench;

import io.triage.bench.load.EndToEnd;
import io.triage.bench.load.LlmStub;
import io.triage.bench.load.OpenLoop;
import io.triage.bench.report.Report;
import java.util.Arrays;

/** The Java side of benchmarks/run: one sub-command per tool. */
public final class Harness {

    private Harness() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Harness openloop|e2e|llm-stub|report --option value ...");
            System.exit(2);
        }
        Args options = Args.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "openloop" -> OpenLoop.run(options);
            case "e2e" -> EndToEnd.run(options);
            case "llm-stub" -> LlmStub.run(options);
            case "report" -> Report.run(options);
            default -> {
                System.err.println("unknown sub-command " + args[0]);
                System.exit(2);
            }
        }
    }
}
