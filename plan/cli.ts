#!/usr/bin/env node
// apprunner-private plan [program-dir] [options]
import * as fs from "node:fs";
import { parseArgs } from "node:util";

/**
 * The plan runs the policy pack and reads Pulumi.yaml: optional peer dependencies of this package, which a user of
 * the component alone does not install. Their absence is said plainly, before anything loads them.
 */
const EXTRAS = ["@pulumi/policy", "js-yaml", "google-protobuf"];
function missingExtras(): string[] {
    return EXTRAS.filter((name) => {
        try {
            require.resolve(`${name}/package.json`);
            return false;
        } catch {
            return true;
        }
    });
}

const USAGE = `usage: apprunner-private plan [program-dir] [options]

Runs a Pulumi TypeScript program (default: the current directory) under simulated AWS, with no credentials and no
Pulumi CLI, and prints the resources, outputs, warnings, errors, policy findings and endpoint cost.

  --config key=value            a config value, as \`pulumi config set\` takes it (aws:region=eu-west-1 sets the region)
  --stack NAME                  the stack name the program sees (default: plan)
  --topology FILE               existing VPCs and subnets the program looks up (JSON; see README, "Plan")
  --stack-reference NAME=FILE   the outputs (a JSON object) of a stack the program references
  --price-per-az-hour USD       price every endpoint-AZ-hour at this (default: each endpoint's region's price)
  --no-typecheck                run without type-checking first
  --json                        print the plan as JSON (also on failure)
  --diagram FILE                write a Mermaid diagram of the endpoints, connections and services

Exit code: 0 fine; 1 the program's errors (type errors, validation) or mandatory policy violations; 2 the program
does not load, or the command cannot do what was asked.`;

class UsageError extends Error {}

function readJson(file: string, what: string): any {
    try {
        return JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new UsageError(`${what} ${file} is not readable JSON: ${(e as Error).message}`);
    }
}

function keyValues(values: string[] | undefined, flag: string): [string, string][] {
    return (values ?? []).map((kv) => {
        const eq = kv.indexOf("=");
        if (eq <= 0) throw new UsageError(`${flag} takes NAME=VALUE, got: ${JSON.stringify(kv)}`);
        return [kv.slice(0, eq), kv.slice(eq + 1)];
    });
}

async function main(argv: string[]): Promise<number> {
    let parsed;
    try {
        parsed = parseArgs({
            args: argv,
            allowPositionals: true,
            allowNegative: true,
            options: {
                json: { type: "boolean" },
                diagram: { type: "string" },
                config: { type: "string", multiple: true },
                stack: { type: "string" },
                topology: { type: "string" },
                "stack-reference": { type: "string", multiple: true },
                typecheck: { type: "boolean", default: true },
                "price-per-az-hour": { type: "string" },
                help: { type: "boolean", short: "h" },
            },
        });
    } catch (e) {
        console.error(`${(e as Error).message}\n\n${USAGE}`);
        return 2;
    }
    const [command, dir = ".", ...extra] = parsed.positionals;
    const v = parsed.values;
    if (v.help) {
        console.log(USAGE);
        return 0;
    }
    if (command !== "plan" || extra.length > 0) {
        console.error(USAGE);
        return 2;
    }
    const missing = missingExtras();
    if (missing.length > 0) {
        console.error(`error: the plan needs ${missing.join(", ")} (optional peer dependencies of this package): npm install -D ${missing.join(" ")}`);
        return 2;
    }
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { AVAILABILITY, PlanError, plan }: typeof import("./command/plan") = require("./command/plan");
    const { formatJson, formatText, wantsColor }: typeof import("./command/format") = require("./command/format");
    const { mermaid }: typeof import("./command/diagram") = require("./command/diagram");
    /* eslint-enable @typescript-eslint/no-require-imports */
    const fail = (message: string) => {
        if (v.json) process.stdout.write(JSON.stringify({ availability: AVAILABILITY, error: message, exitCode: 2 }, null, 2) + "\n");
        else console.error(`error: ${message}`);
        return 2;
    };
    let lastProgress = 0;
    try {
        const price = v["price-per-az-hour"];
        if (price !== undefined && !(Number(price) >= 0)) throw new UsageError(`--price-per-az-hour takes a number of USD, got: ${JSON.stringify(price)}`);
        const result = await plan({
            dir,
            config: Object.fromEntries(keyValues(v.config, "--config")),
            stack: v.stack,
            pricePerAzHour: price === undefined ? undefined : Number(price),
            typecheck: v.typecheck,
            topology: v.topology === undefined ? undefined : readJson(v.topology, "--topology"),
            stackReferences: Object.fromEntries(keyValues(v["stack-reference"], "--stack-reference").map(([name, file]) => [name, readJson(file, `--stack-reference ${name}:`)])),
            onProgress: (n) => {
                if (n - lastProgress >= 100) {
                    lastProgress = n;
                    process.stderr.write(`planning: ${n} resources registered...\n`);
                }
            },
        });
        const color = !v.json && wantsColor(process.stdout.isTTY, process.env);
        process.stdout.write(v.json ? formatJson(result) : formatText(result, color));
        if (v.diagram) {
            fs.writeFileSync(v.diagram, mermaid(result.registrations, result.zoneOf));
            process.stderr.write(`wrote the Mermaid diagram to ${v.diagram}\n`);
        }
        return result.exitCode;
    } catch (e) {
        if (e instanceof PlanError || e instanceof UsageError) return fail((e as Error).message);
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
