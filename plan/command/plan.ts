// `apprunner-private plan`: runs the user's program with the user's `pulumi`, unchanged, against the stand-in AWS in a
// throwaway backend and Pulumi home, and reports what it would create, its outputs, warnings and errors, the policy
// pack's findings and the endpoints' cost. Transforms, stack configuration, secrets, components and every language
// behave as Pulumi makes them behave, because it is Pulumi that runs them. Values AWS computes (ids, ARNs, domain
// names) are the stand-in's. The recipe, and why each step is there: DESIGN-NOTES.md, "The plan runs on the real engine".
import * as fs from "node:fs";
import * as path from "node:path";
import { AccountState, DEFAULT_REGION, Topology, startingAccount } from "../aws";
import { Store, seed } from "../standin/store";
import {
    MIN_PULUMI,
    HOW_TO_GET_PULUMI,
    Scratch,
    compareVersions,
    engineEnv,
    findOnPath,
    installStandin,
    networkIsolation,
    runPulumi,
    sealedPulumi,
} from "./engine";
import { readEvents } from "./events";
import { ConfigValue, PlanError, qualified, readProject, stackConfig } from "./project";

export { PlanError } from "./project";
import { OWN_PACKAGE, awsVersions, foreignPlugins, policyPack } from "./plugins";
import { checkTopology } from "./topologyFile";
import { failed, failedLookups, lookupError, planLimit } from "./failures";
import { masked } from "./mask";
import { PlanResult, progress, result, secretValues } from "./result";
export type { PlanResult } from "./result";

export interface PlanOptions {
    /** The program's directory, holding Pulumi.yaml. */
    dir: string;
    /** The stack whose configuration (Pulumi.<stack>.yaml) the program gets; default "plan". */
    stack?: string;
    /** `--config` values, as `pulumi config set` takes them. */
    config?: ConfigValue[];
    /** Secret config values (`--secret-config`), set as secrets and handed to pulumi on standard input, never on argv. */
    secretConfig?: ConfigValue[];
    /** The `--config` keys are property paths (`subnetIds[0]`), as with `pulumi config set --path`. */
    configPath?: boolean;
    /** Existing VPCs, subnets, security groups and services the program looks up, besides the stand-in's own. */
    topology?: Topology;
    /** USD per endpoint-AZ-hour for every endpoint; default: each endpoint's region's price. */
    pricePerAzHour?: number;
    /** The user's environment (their `pulumi` on PATH, their passphrase). */
    env?: NodeJS.ProcessEnv;
    /** The scratch directory; the caller disposes of it (the CLI does on every exit path). */
    scratch: Scratch;
    /** Called as the engine reports resources, for progress on long programs. */
    onProgress?: (resources: number) => void;
    /** Called with what the plan is doing when a step may take long (a Go program's build). */
    onStatus?: (line: string) => void;
}

/** AWS App Runner's availability, said first wherever the package speaks to a user who may adopt it. */
export const AVAILABILITY =
    "AWS App Runner is closed to new customers since 2026; existing customers keep full use, AWS plans no new features " +
    "and points new users to Amazon ECS Express Mode (https://docs.aws.amazon.com/apprunner/latest/dg/apprunner-availability-change.html).";

export async function plan(opts: PlanOptions): Promise<PlanResult> {
    const userEnv = opts.env ?? process.env;
    const dir = path.resolve(opts.dir);
    const project = readProject(dir);
    const foreign = foreignPlugins(project);
    if (foreign) throw foreign;
    // The file backend names stacks organization/<project>/<stack>: the last segment is the stack and its file.
    const stack = (opts.stack ?? "plan").split("/").pop()!;
    const secretOverrides = opts.secretConfig ?? [];
    const overrides = [...(opts.config ?? []), ...secretOverrides];
    const config = stackConfig(project, stack, overrides, userEnv);
    const topology = opts.topology && checkTopology(opts.topology);
    const userPulumi = findOnPath("pulumi", userEnv);
    if (!userPulumi) throw new PlanError(`no \`pulumi\` on PATH: the plan runs your program with the Pulumi CLI. ${HOW_TO_GET_PULUMI}`);
    const pack = policyPack();
    const { scratch } = opts;

    // The scratch project has the name and runtime only: what `stack init` and `config` need, nothing to resolve.
    fs.writeFileSync(
        path.join(scratch.project, "Pulumi.yaml"),
        `name: ${JSON.stringify(project.name)}\nruntime: ${JSON.stringify(project.runtime)}\n`,
    );
    const stackFile = path.join(scratch.project, `Pulumi.${stack}.yaml`);
    // A kept rehearsal's stack was made with a salt `stack init` wrote into its file: kept, or its secrets are lost.
    const salt = fs.existsSync(stackFile) ? /^encryptionsalt: .*$/m.exec(fs.readFileSync(stackFile, "utf8"))?.[0] : undefined;
    const text = config.text ?? "";
    if (config.text !== undefined || salt)
        fs.writeFileSync(stackFile, salt && !/^encryptionsalt:/m.test(text) ? `${salt}\n${text === "{}\n" ? "" : text}` : text);
    const given = new Map(overrides.map((o) => [qualified(project.name, o.key), o.value]));
    const secretGiven = new Set(secretOverrides.map((o) => qualified(project.name, o.key)));
    const projectRegion = project.defaults["aws:region"];
    const region =
        given.get("aws:region") ??
        config.region ??
        (typeof projectRegion === "string" ? projectRegion : undefined) ??
        userEnv.AWS_REGION ??
        userEnv.AWS_DEFAULT_REGION ??
        DEFAULT_REGION;
    // A kept rehearsal goes on with its account as the last run left it; a new one starts from the topology.
    const rehearsal = scratch.kept !== undefined && scratch.hasAccount;
    let account: AccountState;
    if (rehearsal) {
        account = new Store(scratch.state).snapshot();
    } else {
        try {
            account = startingAccount(topology, region);
        } catch (e) {
            throw new PlanError(`--topology: ${(e as Error).message}`);
        }
        seed(scratch.state, account);
    }
    const notes = [...config.notes];
    if (rehearsal && topology)
        notes.push(`--topology is read when a rehearsal starts: ${scratch.kept}'s account is used as the last run left it`);

    // Sealed: the user's pulumi, run from the scratch directory with only the language hosts beside it, the stand-in
    // as the only provider in the scratch home, ambient plugins ignored, AWS's credentials and metadata pointed away,
    // and, where Linux allows, no network (DESIGN-NOTES.md, "The plan is sealed").
    const pulumi = sealedPulumi(scratch, userPulumi, userEnv);
    installStandin(scratch, awsVersions(project));
    const isolation = networkIsolation(userEnv);
    const env = engineEnv(scratch, userEnv, {
        passphrase: config.usesUserPassphrase ? undefined : "apprunner-private-plan (throwaway)",
    });
    const inScratch = { cwd: scratch.project, env };
    const probe = await runPulumi(pulumi, ["version"], inScratch);
    if (probe.code !== 0) throw failed("version", probe);
    const version = probe.stdout.trim();
    if (compareVersions(version, MIN_PULUMI) < 0) {
        throw new PlanError(
            `${userPulumi} is ${version}; the plan needs v${MIN_PULUMI} or newer: upgrade it ` +
                `(https://www.pulumi.com/docs/iac/download-install/)`,
        );
    }
    const init = await runPulumi(pulumi, ["stack", "init", stack], inScratch);
    if (init.code !== 0 && !(scratch.kept && /already exists/.test(init.stderr))) {
        if (/incorrect passphrase/.test(init.stderr)) {
            throw new PlanError(
                `the passphrase in ${userEnv.PULUMI_CONFIG_PASSPHRASE ? "PULUMI_CONFIG_PASSPHRASE" : "PULUMI_CONFIG_PASSPHRASE_FILE"} ` +
                    `does not decrypt ${config.file}: ` +
                    `give the stack's passphrase, or unset it and pass the secure values with --config ` +
                    `(${config.secretKeys.map((k) => `\`${k}\``).join(", ")})`,
            );
        }
        throw failed("stack init", init);
    }
    const configFile = ["--stack", stack, "--config-file", stackFile];
    const pathFlag = opts.configPath ? ["--path"] : [];
    // Plain values on the command line; secret ones one by one on standard input, never on argv (/proc/<pid>/cmdline).
    const plain = [...given].filter(([k]) => !secretGiven.has(k) && !config.secretKeys.includes(k));
    if (plain.length > 0) {
        const pairs = plain.flatMap(([k, v]) => ["--plaintext", `${k}=${v}`]);
        const set = await runPulumi(pulumi, ["config", "set-all", ...configFile, ...pathFlag, ...pairs], inScratch);
        if (set.code !== 0) throw failed("config set-all", set);
    }
    for (const [k, v] of [...given].filter(([k]) => secretGiven.has(k) || config.secretKeys.includes(k))) {
        const set = await runPulumi(pulumi, ["config", "set", "--secret", ...configFile, ...pathFlag, k], { ...inScratch, input: v });
        if (set.code !== 0) throw failed(`config set --secret ${k}`, set, [v]);
    }

    // The engine masks secrets in values, not in what programs and providers write in messages: the stack's secret
    // values, known here, are masked everywhere in the plan.
    const secrets =
        config.secretKeys.length + secretGiven.size > 0
            ? await secretValues(pulumi, [...configFile, "--json", "--show-secrets"], inScratch)
            : [];

    // The user's own directory and Pulumi.yaml, so the program runs as their `pulumi up` runs it; the stack file is the
    // copy. An update gives known values and the findings on them; when it stops early (an error, or a mandatory rule on
    // one resource), a preview adds what it never reached, with the findings on everything.
    const inProject = { cwd: dir, env, onLine: progress(opts.onProgress), prefix: isolation.prefix };
    const run = async (args: string[]) => {
        const r = await runPulumi(pulumi, [...args, ...configFile, "--policy-pack", pack, "--json"], inProject);
        const report = readEvents(r.stdout);
        const lookups = failedLookups(scratch.log);
        if (lookups.length > 0) throw masked(lookupError(lookups, account), secrets);
        const limit = planLimit(report);
        if (limit) throw masked(limit, secrets);
        if (report.result === undefined) throw failed(args[0], r, secrets);
        return report;
    };
    if (project.runtime === "go") {
        opts.onStatus?.(
            "planning: building the Go program (`go build`, by the Go language host): the first build of a program on Pulumi's Go SDK " +
                "takes minutes (about 5 on 2 cores with empty Go caches), later ones seconds",
        );
    }
    const up = await run(["up", "--yes", "--skip-preview"]);
    // A program that failed before registering anything would fail the preview the same way: there is nothing to add.
    const crashed = up.resources.size === 0 && up.result !== "succeeded";
    const preview = up.result === "succeeded" || crashed ? undefined : await run(["preview"]);
    return result(
        {
            project: project.name,
            dir,
            stack,
            region,
            pulumi: version,
            pack,
            notes,
            account,
            rehearsal,
            secrets,
            pricePerAzHour: opts.pricePerAzHour,
            sealed:
                `no provider ran but the stand-in ` +
                `AWS${Object.keys(project.packages).includes(OWN_PACKAGE) ? " and apprunner-private's component provider" : ""}; ` +
                `${isolation.note}`,
        },
        up,
        preview,
    );
}
