#!/usr/bin/env node
// apprunner-private plan [program-dir] [options]
// apprunner-private import-connections [options]
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import type { Topology } from "./aws";

const USAGE = `usage: apprunner-private plan [program-dir] [options]

Runs a Pulumi program (default: the current directory), in any language your \`pulumi\` runs, on your Pulumi CLI
against a simulated AWS: a throwaway backend and Pulumi home, no AWS account, nothing written into your project or
your stacks. Prints the resources, outputs, warnings, errors, policy findings and endpoint cost.

  --stack NAME                  the stack whose Pulumi.<stack>.yaml the program gets (default: plan)
  --config key=value            a config value, as \`pulumi config set\` takes it (aws:region=eu-west-1 sets the region)
  --secret-config KEY           a secret config value, read from standard input (with several, one line each, in
                                order): never on the command line, where other users' \`ps\` can read it
  --secret-config-env KEY=VAR   a secret config value, read from the environment variable VAR
  --config-path                 the --config and --secret-config keys are property paths (subnetIds[0]=subnet-…)
  --topology FILE               VPCs, subnets, security groups and App Runner services that exist (JSON; see README)
  --price-per-az-hour USD       price every endpoint-AZ-hour at this (default: each endpoint's region's price)
  --json                        print the plan as JSON (also on failure)
  --diagram FILE                write a Mermaid diagram of the endpoints, connections and services
  --keep DIR                    rehearse a sequence of changes: keep the simulated account and the throwaway stack in
                                DIR (made by the plan, outside the project) between runs; a later run shows what it
                                changes, replaces and deletes, as \`pulumi up\` would

Exit code: 0 fine; 1 the program's errors or mandatory policy violations; 2 the plan cannot do what was asked (no
Pulumi.yaml, no pulumi, secure values it cannot decrypt, a lookup it cannot answer, a type Pulumi YAML needs).

usage: apprunner-private import-connections [options]

Brings the VPC ingress connections a stack's PrivateEndpoints manage into the stack as Cloud Control resources, with
nothing replaced or deleted in AWS: after an upgrade from a release before 0.2.0 (connections kept as
aws.apprunner.VpcIngressConnection), and after an adoption's first deployment (adoptConnectionArn). Runs your own
\`pulumi\` (3.276 or newer) on your stack, in the current directory: stack export, preview, state protect, import --file,
state delete, refresh. Then run \`pulumi up\`.

  --stack NAME                  the stack (default: the selected one)
  --connection NAME=ARN         also import this connection as the PrivateEndpoint NAME's (one AWS made whose answer
                                was lost); repeatable
  --dry-run                     say what would be imported, and write the import file, changing nothing

Exit code: 0 imported (or nothing to import); 2 it could not (the reason is printed).

usage: apprunner-private console --keep DIR [--region R] <verb> ...

Changes a rehearsal's simulated account (the DIR \`plan --keep DIR\` uses; made here if new) as a person in the AWS
console would, or AWS Copilot: resources that exist before your program, and drift. Prints JSON. \`console --help\`
lists the verbs.`;

class UsageError extends Error {}

function readJson(file: string, what: string): any {
    try {
        return JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new UsageError(`${what} ${file} is not readable JSON: ${(e as Error).message}`);
    }
}

function keyValues(values: string[] | undefined, flag: string): { key: string; value: string }[] {
    return (values ?? []).map((kv) => {
        const eq = kv.indexOf("=");
        if (eq <= 0) throw new UsageError(`${flag} takes KEY=VALUE, got: ${JSON.stringify(kv)}`);
        return { key: kv.slice(0, eq), value: kv.slice(eq + 1) };
    });
}

/**
 * `--secret-config KEY` (values from standard input, one line each, in order) and `--secret-config-env KEY=VAR` (from
 * the environment). A value is never taken from the command line, and never echoed in an error.
 */
function secretValuesGiven(fromStdin: string[], fromEnv: string[]): { key: string; value: string }[] {
    for (const key of fromStdin) {
        if (key.includes("="))
            throw new UsageError(
                `--secret-config takes a KEY alone and reads its value from standard input, got: ` +
                    `${JSON.stringify(key.slice(0, key.indexOf("=")))}=…; ` +
                    "a value on the command line is readable by other users (ps, /proc): pipe it in, or use --secret-config-env KEY=VAR",
            );
    }
    const lines =
        fromStdin.length > 0
            ? fs
                  .readFileSync(0, "utf8")
                  .replace(/\r?\n$/, "")
                  .split(/\r?\n/)
            : [];
    if (fromStdin.length > 1 ? lines.length !== fromStdin.length : fromStdin.length === 1 && lines[0] === undefined)
        throw new UsageError(
            `--secret-config: ${fromStdin.length} keys (${fromStdin.join(", ")}) take one line of ` +
                `standard input each, got: ${lines.length} lines`,
        );
    const env = keyValues(fromEnv, "--secret-config-env").map(({ key, value: name }) => {
        const value = process.env[name];
        if (value === undefined) throw new UsageError(`--secret-config-env ${key}=${name}: the environment has no variable ${name}`);
        return { key, value };
    });
    const stdin =
        fromStdin.length === 1 ? [{ key: fromStdin[0], value: lines.join("\n") }] : fromStdin.map((key, i) => ({ key, value: lines[i] }));
    return [...stdin, ...env];
}

async function main(argv: string[]): Promise<number> {
    // The console's verbs take options of their own: it parses its arguments itself.
    if (argv[0] === "console") return consoleCommand(argv.slice(1));
    let parsed;
    try {
        parsed = parseArgs({
            args: argv,
            allowPositionals: true,
            options: {
                json: { type: "boolean" },
                diagram: { type: "string" },
                config: { type: "string", multiple: true },
                "secret-config": { type: "string", multiple: true },
                "secret-config-env": { type: "string", multiple: true },
                "config-path": { type: "boolean" },
                stack: { type: "string" },
                topology: { type: "string" },
                "price-per-az-hour": { type: "string" },
                keep: { type: "string" },
                "dry-run": { type: "boolean" },
                connection: { type: "string", multiple: true },
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
    if (command === "import-connections" && parsed.positionals.length === 1) {
        let named: Record<string, string>;
        try {
            named = Object.fromEntries(keyValues(v.connection, "--connection").map((kv) => [kv.key, kv.value]));
        } catch (e) {
            console.error(`${(e as Error).message}\n\n${USAGE}`);
            return 2;
        }
        return importConnectionsCommand(v.stack, v["dry-run"] === true, named);
    }
    if (command !== "plan" || extra.length > 0) {
        console.error(USAGE);
        return 2;
    }
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded after the arguments, so that usage is quick */
    const { AVAILABILITY, PlanError, plan }: typeof import("./command/plan") = require("./command/plan");
    const { Scratch, keptDirectory, stopPulumi }: typeof import("./command/engine") = require("./command/engine");
    const { readProject }: typeof import("./command/project") = require("./command/project");
    const projectOf = (d: string) => {
        try {
            const p = readProject(path.resolve(d));
            return { name: p.name, dir: p.dir };
        } catch {
            return undefined; // the plan says what is wrong with the project
        }
    };
    const { formatJson, formatText, wantsColor }: typeof import("./command/format") = require("./command/format");
    const { mermaid }: typeof import("./command/diagram") = require("./command/diagram");
    /* eslint-enable @typescript-eslint/no-require-imports */
    const fail = (message: string) => {
        if (v.json) process.stdout.write(JSON.stringify({ availability: AVAILABILITY, error: message, exitCode: 2 }, null, 2) + "\n");
        else console.error(`error: ${message}`);
        return 2;
    };

    // The scratch directory holds the simulated account, secrets in plain text among it: gone on every way out (a
    // kept rehearsal's stays, 0700, for the next run).
    let scratch: InstanceType<typeof Scratch>;
    try {
        scratch = new Scratch(v.keep === undefined ? undefined : keptDirectory(v.keep, projectOf(dir)));
    } catch (e) {
        if (e instanceof PlanError) return fail((e as Error).message);
        throw e;
    }
    process.on("exit", () => scratch.dispose());
    for (const [signal, code] of [
        ["SIGINT", 130],
        ["SIGTERM", 143],
        ["SIGHUP", 129],
    ] as const) {
        process.on(signal, () => void stopPulumi().finally(() => process.exit(code)));
    }
    try {
        const price = v["price-per-az-hour"];
        if (price !== undefined && !/^\d+(\.\d+)?$/.test(price.trim()))
            throw new UsageError(`--price-per-az-hour takes a number of USD, 0 or more (e.g. 0.01), got: ${JSON.stringify(price)}`);
        const secretConfig = secretValuesGiven(v["secret-config"] ?? [], v["secret-config-env"] ?? []);
        const result = await plan({
            dir,
            stack: v.stack,
            config: keyValues(v.config, "--config"),
            secretConfig,
            configPath: v["config-path"],
            topology: v.topology === undefined ? undefined : (readJson(v.topology, "--topology") as Topology),
            pricePerAzHour: price === undefined ? undefined : Number(price),
            scratch,
            onProgress: (n) => process.stderr.write(`planning: ${n} resources registered...\n`),
            onStatus: (line) => process.stderr.write(`${line}\n`),
        });
        const color = !v.json && wantsColor(process.stdout.isTTY, process.env);
        process.stdout.write(v.json ? formatJson(result) : formatText(result, color));
        if (v.diagram) {
            fs.writeFileSync(v.diagram, mermaid(result.resources, result.zones));
            process.stderr.write(`wrote the Mermaid diagram to ${v.diagram}\n`);
        }
        return result.exitCode;
    } catch (e) {
        if (e instanceof PlanError || e instanceof UsageError) return fail((e as Error).message);
        throw e;
    }
}

/**
 * `console`: the stand-in's console on a rehearsal's account (`--keep DIR`, made with the starting account if new), or
 * on a state file (`--state FILE`, as the repository's tests use it).
 */
function consoleCommand(argv: string[]): number {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded once the command is known */
    const { runConsole, VERBS }: typeof import("./standin/console") = require("./standin/console");
    const { keptDirectory }: typeof import("./command/engine") = require("./command/engine");
    const { startingAccount }: typeof import("./aws") = require("./aws");
    const { seed }: typeof import("./standin/store") = require("./standin/store");
    const { PlanError }: typeof import("./command/project") = require("./command/project");
    /* eslint-enable @typescript-eslint/no-require-imports */
    const usage = `usage: apprunner-private console --keep DIR [--region R] <verb> ...\n\n${VERBS}`;
    if (argv.includes("--help") || argv.includes("-h")) {
        console.log(usage);
        return 0;
    }
    const at = argv.indexOf("--keep");
    if (at < 0 || !argv[at + 1]) {
        if (argv.includes("--state")) return runConsole(argv, usage);
        console.error(`--keep DIR is required: the rehearsal directory \`apprunner-private plan --keep DIR\` uses\n\n${usage}`);
        return 2;
    }
    let dir: string;
    try {
        dir = keptDirectory(argv[at + 1], undefined);
    } catch (e) {
        if (e instanceof PlanError) {
            console.error(`error: ${e.message}`);
            return 2;
        }
        throw e;
    }
    const state = path.join(dir, "aws-state.json");
    if (!fs.existsSync(state)) seed(state, startingAccount());
    return runConsole(["--state", state, ...argv.slice(0, at), ...argv.slice(at + 2)], usage);
}

/** `import-connections`: the user's `pulumi` on the user's stack, in their environment (not the plan's sandbox). */
async function importConnectionsCommand(stack: string | undefined, dryRun: boolean, named: Record<string, string>): Promise<number> {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded once the command is known */
    const { importConnections }: typeof import("./command/importConnections") = require("./command/importConnections");
    const { findOnPath, runPulumi, HOW_TO_GET_PULUMI }: typeof import("./command/engine") = require("./command/engine");
    const { PlanError }: typeof import("./command/project") = require("./command/project");
    /* eslint-enable @typescript-eslint/no-require-imports */
    const pulumi = findOnPath("pulumi", process.env);
    if (!pulumi) {
        console.error(`error: no \`pulumi\` on PATH. ${HOW_TO_GET_PULUMI}`);
        return 2;
    }
    try {
        await importConnections({
            cwd: process.cwd(),
            stack,
            pulumi,
            env: process.env,
            dryRun,
            named,
            run: (args, o = {}) => runPulumi(pulumi, args, { cwd: process.cwd(), env: o.env ?? process.env, onLine: o.onLine }),
            say: (line) => console.log(line),
        });
        return 0;
    } catch (e) {
        if (e instanceof PlanError) {
            console.error(`error: ${e.message}`);
            return 2;
        }
        throw e;
    }
}

main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
        console.error(`error: ${(e as Error)?.message ?? e}`);
        process.exit(2);
    },
);
