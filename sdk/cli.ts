#!/usr/bin/env node
// apprunner-private plan [program-dir] [--json] [--diagram FILE] [--config key=value]... [--price-per-az-hour N]
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { mermaid } from "./plan/diagram";
import { formatJson, formatText } from "./plan/format";
import { PlanError, plan } from "./plan/plan";

const USAGE = `usage: apprunner-private plan [program-dir] [--json] [--diagram FILE] [--config key=value]... [--stack NAME] [--price-per-az-hour USD]

Runs a Pulumi TypeScript program (default: the current directory) under simulated AWS, with no credentials and no
Pulumi CLI, and prints the resources, outputs, warnings, errors, policy findings and endpoint cost.
Exit code: 0 fine, 1 validation errors or mandatory policy violations, 2 the program or the command is broken.`;

async function main(argv: string[]): Promise<number> {
    let parsed;
    try {
        parsed = parseArgs({
            args: argv,
            allowPositionals: true,
            options: {
                json: { type: "boolean" },
                diagram: { type: "string" },
                config: { type: "string", multiple: true },
                stack: { type: "string" },
                "price-per-az-hour": { type: "string" },
                help: { type: "boolean", short: "h" },
            },
        });
    } catch (e) {
        console.error(`${(e as Error).message}\n\n${USAGE}`);
        return 2;
    }
    const [command, dir = ".", ...extra] = parsed.positionals;
    if (parsed.values.help) {
        console.log(USAGE);
        return 0;
    }
    if (command !== "plan" || extra.length > 0) {
        console.error(USAGE);
        return 2;
    }
    const config: Record<string, string> = {};
    for (const kv of parsed.values.config ?? []) {
        const eq = kv.indexOf("=");
        if (eq <= 0) {
            console.error(`--config takes key=value, got: ${JSON.stringify(kv)}`);
            return 2;
        }
        config[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
    const price = parsed.values["price-per-az-hour"];
    if (price !== undefined && !(Number(price) >= 0)) {
        console.error(`--price-per-az-hour takes a number of USD, got: ${JSON.stringify(price)}`);
        return 2;
    }
    let lastProgress = 0;
    try {
        const result = await plan({
            dir,
            config,
            stack: parsed.values.stack,
            pricePerAzHour: price === undefined ? undefined : Number(price),
            onProgress: (n) => {
                if (n - lastProgress >= 100) {
                    lastProgress = n;
                    process.stderr.write(`planning: ${n} resources registered...\n`);
                }
            },
        });
        process.stdout.write(parsed.values.json ? formatJson(result) : formatText(result));
        if (parsed.values.diagram) fs.writeFileSync(parsed.values.diagram, mermaid(result.registrations));
        return result.exitCode;
    } catch (e) {
        if (e instanceof PlanError) {
            console.error(`error: ${e.message}`);
            return 2;
        }
        throw e;
    }
}

main(process.argv.slice(2)).then(
    (code) => {
        process.exitCode = code;
        // Pending mocked registrations must not keep the process alive once the plan is printed.
        setImmediate(() => process.exit(code));
    },
    (e) => {
        console.error(`error: ${(e as Error)?.message ?? e}`);
        process.exit(2);
    },
);
