// `apprunner-private plan`: runs the user's program with the user's `pulumi`, unchanged, against the stand-in AWS in a
// throwaway backend and Pulumi home, and reports what it would create, its outputs, warnings and errors, the policy
// pack's findings and the endpoints' cost. Transforms, stack configuration, secrets, components and every language
// behave as Pulumi makes them behave, because it is Pulumi that runs them. Values AWS computes (ids, ARNs, domain
// names) are the stand-in's. The recipe, and why each step is there: DESIGN-NOTES.md, "The plan runs on the real engine".
import * as fs from "node:fs";
import * as path from "node:path";
import { parseServiceArn } from "../../sdk/aws";
import { AccountState, DEFAULT_REGION, Topology, startingAccount } from "../aws";
import { MODELLED_TYPES } from "../provider";
import { Store, seed } from "../standin/store";
import { CostEstimate, estimateCost } from "./cost";
import {
    MIN_PULUMI,
    HOW_TO_GET_PULUMI,
    Run,
    Scratch,
    compareVersions,
    engineEnv,
    findOnPath,
    installStandin,
    networkIsolation,
    runPulumi,
    sealedPulumi,
} from "./engine";
import { Finding, PlannedResource, PolicyPack, RunReport, SECRET, Step, readEvents } from "./events";
import { ConfigValue, PlanError, Project, qualified, readProject, stackConfig } from "./project";

export { PlanError } from "./project";

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

export interface PlanResult {
    project: string;
    dir: string;
    stack: string;
    region: string;
    /** The `pulumi version` that ran the program. */
    pulumi: string;
    resources: PlannedResource[];
    /** Stack outputs; a secret one is "[secret]". */
    outputs: Record<string, unknown>;
    warnings: string[];
    errors: string[];
    /** What the plan did on the program's behalf, and what it did not read. */
    notes: string[];
    /** The policy packs the engine ran (this package's), and the directory it was given. */
    policyPacks: (PolicyPack & { path: string })[];
    findings: Finding[];
    cost: CostEstimate;
    /** 0: fine; 1: the program's errors or mandatory policy violations. */
    exitCode: 0 | 1;
    /** Availability Zones of the subnets the account had before the program (for the diagram). */
    zones: Record<string, string>;
    /** How the plan kept the program from anything real: which providers could run, and whether the network could. */
    sealed: string;
    /**
     * A later run of a rehearsal (`--keep`): what the run did to what the last one left, as `pulumi up` reports its
     * steps (create, update, replace, delete, import, ...; a replacement's steps as one "replace"), unchanged ones left out.
     */
    changes?: Step[];
}

/** AWS App Runner's availability, said first wherever the package speaks to a user who may adopt it. */
export const AVAILABILITY =
    "AWS App Runner is closed to new customers since 2026; existing customers keep full use, AWS plans no new features " +
    "and points new users to Amazon ECS Express Mode (https://docs.aws.amazon.com/apprunner/latest/dg/apprunner-availability-change.html).";

/** The @pulumi/aws version the copy of the provider is written from, when the program's own cannot be found. */
const MODELLED_AWS_VERSION = "7.48.0";

/** The runnable policy pack: the policy package's directory (its main is the pack), a dependency of this package. */
export function policyPack(): string {
    const dir = path.dirname(require.resolve("@apprunner-private/policy/package.json"));
    const main = path.join(dir, JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).main);
    if (!fs.existsSync(main))
        throw new PlanError(`the policy pack in ${dir} is not built (${main} is missing): run \`npm run build\` there`);
    return dir;
}

/** The version of @pulumi/aws a Node.js package in `dir` resolves, if any. */
function nodeAwsVersion(dir: string): string | undefined {
    try {
        return JSON.parse(fs.readFileSync(require.resolve("@pulumi/aws/package.json", { paths: [dir] }), "utf8")).version;
    } catch {
        return undefined;
    }
}

/**
 * The versions of the AWS provider the program may ask the engine for, as each SDK asks: Node.js its @pulumi/aws's,
 * Python its pulumi_aws's (pulumi-plugin.json in a virtualenv in the project), Go its go.mod's pulumi-aws/sdk, a
 * component provider added with `pulumi package add` its own @pulumi/aws's; and the version the copy of the provider
 * is written from. The stand-in is installed as each (the engine takes a plugin by exact version).
 */
export function awsVersions(project: Project): string[] {
    const dir = project.dir;
    const found = [nodeAwsVersion(dir), MODELLED_AWS_VERSION];
    for (const entry of safeReaddir(dir)) {
        for (const lib of ["lib", "lib64"]) {
            for (const python of safeReaddir(path.join(dir, entry, lib)).filter((d) => d.startsWith("python"))) {
                const file = path.join(dir, entry, lib, python, "site-packages", "pulumi_aws", "pulumi-plugin.json");
                try {
                    found.push(JSON.parse(fs.readFileSync(file, "utf8")).version);
                } catch {
                    // not a virtualenv with pulumi_aws
                }
            }
        }
    }
    try {
        const gomod = fs.readFileSync(path.join(dir, "go.mod"), "utf8");
        for (const m of gomod.matchAll(/github\.com\/pulumi\/pulumi-aws\/sdk\/v\d+\s+v(\d+\.\d+\.\d+[^\s]*)/g)) found.push(m[1]);
    } catch {
        // not a Go program
    }
    for (const source of Object.values(project.packages)) {
        const local = path.resolve(dir, source);
        if (fs.existsSync(local)) found.push(nodeAwsVersion(local));
    }
    return [...new Set(found.filter((v): v is string => typeof v === "string" && /^\d+\.\d+\.\d+/.test(v)))];
}

function safeReaddir(dir: string): string[] {
    try {
        return fs.readdirSync(dir);
    } catch {
        return [];
    }
}

/** The component provider's package name: the only package besides aws a plan runs. */
const OWN_PACKAGE = "apprunner-private";

/**
 * What the project's Pulumi.yaml would have the engine run besides the stand-in and the component provider: plugins
 * given by path, and packages other than apprunner-private. Refused before anything runs.
 */
function foreignPlugins(project: Project): PlanError | undefined {
    const packages = Object.entries(project.packages).filter(([name]) => name !== OWN_PACKAGE);
    const named = [
        ...project.plugins.map((p) => `the plugin ${p}`),
        ...packages.map(([name, source]) => `the package ${name} (${source})`),
    ];
    if (named.length === 0) return undefined;
    return new PlanError(
        `Pulumi.yaml names ${named.join(", ")}, which the plan does not run: a plan runs no provider but the stand-in AWS ` +
            `(and apprunner-private's component provider), so that nothing real happens. Plan a copy of the project without ${named.length === 1 ? "it" : "them"}.`,
    );
}

/** The fields each kind of `--topology` entry must have (strings, or lists of strings: `[]`). */
const TOPOLOGY_FIELDS: Record<string, Record<string, "string" | "string[]">> = {
    vpcs: { id: "string", cidrBlocks: "string[]" },
    subnets: { id: "string", vpcId: "string", availabilityZone: "string", cidrBlock: "string" },
    securityGroups: { id: "string", vpcId: "string" },
    endpoints: { id: "string", vpcId: "string" },
    endpointServices: { name: "string", availabilityZones: "string[]" },
    networkInterfaces: { subnetId: "string", securityGroupIds: "string[]" },
};

/** A --topology file's shape, checked before the model reads it, so that a mistake is named rather than a crash. */
export function checkTopology(t: unknown): Topology {
    const wrong = (where: string, what: string, got: unknown) =>
        new PlanError(`--topology: ${where} must be ${what}, got: ${JSON.stringify(got)}`);
    if (!t || typeof t !== "object" || Array.isArray(t)) throw wrong("the file", "a JSON object", t);
    for (const [kind, list] of Object.entries(t)) {
        if (!(kind in TOPOLOGY_FIELDS) && kind !== "services")
            throw new PlanError(
                `--topology: unknown key \`${kind}\`; the keys are vpcs, subnets, securityGroups, services, endpoints, endpointServices, networkInterfaces`,
            );
        if (!Array.isArray(list)) throw wrong(kind, "a list", list);
        list.forEach((item, i) => {
            if (kind === "services") {
                if (typeof item !== "string" || !parseServiceArn(item)) throw wrong(`services[${i}]`, "an App Runner service ARN", item);
                return;
            }
            for (const [field, type] of Object.entries(TOPOLOGY_FIELDS[kind])) {
                const v = item?.[field];
                const ok = type === "string" ? typeof v === "string" : Array.isArray(v) && v.every((x) => typeof x === "string");
                if (!ok) throw wrong(`${kind}[${i}].${field}`, type === "string" ? "a string" : "a list of strings", v);
            }
            if (kind === "vpcs" && item.default !== undefined && typeof item.default !== "boolean")
                throw wrong(`vpcs[${i}].default`, "true or false", item.default);
        });
    }
    return t as Topology;
}

/** A failed lookup, as the stand-in logged it. */
interface FailedLookup {
    token: string;
    args: Record<string, unknown>;
    region: string;
    message: string;
}

function failedLookups(log: string): FailedLookup[] {
    if (!fs.existsSync(log)) return [];
    return fs
        .readFileSync(log, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .filter((e) => e.method === "Invoke:failed");
}

/** What the account holds that a lookup of this kind could have found, in the lookup's region. */
function known(account: AccountState, token: string, region: string): string {
    const list = (what: string, ids: string[]) =>
        ids.length
            ? `the simulated account has the ${what} ${ids.slice(0, 8).join(", ")}${ids.length > 8 ? ` and ${ids.length - 8} more` : ""} in ${region}`
            : `the simulated account has no ${what} in ${region}`;
    const inRegion = <T extends { Region: string }>(xs: T[]) => xs.filter((x) => x.Region === region);
    if (/getVpc:/.test(token))
        return list(
            "VPCs",
            inRegion(account.vpcs).map((v) => v.VpcId),
        );
    if (/getSubnets?:/.test(token))
        return list(
            "subnets",
            inRegion(account.subnets).map((s) => s.SubnetId),
        );
    if (/getSecurityGroup:/.test(token))
        return list(
            "security groups",
            inRegion(account.securityGroups).map((g) => g.GroupId),
        );
    if (/cloudcontrol/.test(token))
        return list(
            "App Runner services",
            inRegion(account.services).map((s) => s.ServiceArn),
        );
    return "the simulated account does not hold it";
}

function lookupError(lookups: FailedLookup[], account: AccountState): PlanError {
    const lines = lookups
        .filter((l, i) => lookups.findIndex((m) => m.token === l.token && JSON.stringify(m.args) === JSON.stringify(l.args)) === i)
        .map((l) => `  ${l.token} ${JSON.stringify(l.args)}: ${l.message}; ${known(account, l.token, l.region)}`)
        .sort(); // lookups run concurrently: sorted, the message reads the same every time
    return new PlanError(
        `the plan cannot answer ${lines.length === 1 ? "a lookup" : `${lines.length} lookups`} the program makes:\n${lines.join("\n")}\n` +
            'Describe what exists in your account (VPCs, subnets, security groups, App Runner services) in a --topology file: see the README, "See before you deploy".',
    );
}

/** A failure that is the plan's limit, not the program's, in what the engine printed. */
function planLimit(report: RunReport): PlanError | undefined {
    const text = [...report.errors, ...report.stderr].join("\n");
    const yamlType = /unable to find resource type "([^"]+)" in resource provider "aws"/.exec(text);
    if (yamlType) {
        return new PlanError(
            `the stand-in AWS does not model ${yamlType[1]}, and Pulumi YAML needs a type's schema before it runs anything: the plan cannot plan this program ` +
                "(from TypeScript, Python or Go, such a resource is created generically and listed as not modelled)",
        );
    }
    const reference = /unknown stack "([^"]+)"/.exec(text);
    if (reference) {
        return new PlanError(
            `the program reads the stack ${reference[1]} through a StackReference, and the plan runs in a throwaway backend that has no other stack: ` +
                "it cannot plan this program",
        );
    }
    const dynamic = [...text.matchAll(/not run in a plan: the dynamic resource (urn:pulumi:\S+)/g)].map((m) => m[1]);
    if (dynamic.length > 0) {
        const named = [...new Set(dynamic)].map((urn) => `${urn.split("::")[2].split("$").pop()} "${urn.split("::")[3]}"`);
        return new PlanError(
            `the program has ${named.length === 1 ? "a dynamic resource" : "dynamic resources"} (${named.join(", ")}), whose provider is the ` +
                "program's own code and could do anything real (call a webhook, write a DNS record or a file): a plan runs no provider but the " +
                "stand-in AWS, so it cannot plan this program. Plan it with the dynamic resource left out (behind a config value, for example).",
        );
    }
    const notAdded =
        /no resource plugin '(?:pulumi-resource-)?apprunner-private(?:-v[^']*)?' found/.test(text) ||
        /No module named '(?:pulumi_)?apprunner_private'/.test(text) ||
        /apprunner-private\S*: (?:no required module provides package|cannot find (?:module|package))/.test(text) ||
        /unable to find (?:resource type|package)[^\n]*apprunner-private/.test(text);
    if (notAdded) {
        return new PlanError(
            "the program uses apprunner-private's components, whose SDK and provider are not added to the project: run " +
                `\`pulumi package add ${providerSource()}\` in the project (README, "Other languages"), then plan again`,
        );
    }
    const plugin = /no resource plugin '(?:pulumi-resource-)?([\w-]+?)(?:-v\d[^']*)?' found/.exec(text);
    if (plugin) {
        const name = plugin[1];
        const uses = [...report.resources.values()]
            .filter((r) => r.type.startsWith(`${name}:`) && !r.type.startsWith("pulumi:providers:"))
            .map((r) => `${r.type} "${r.name}"`);
        if (name === "pulumi-nodejs" || name === "pulumi-python") {
            return new PlanError(
                `the program has a dynamic resource${uses.length ? ` (${uses.join(", ")})` : ""}, whose provider is the program's own code and could do ` +
                    "anything real (call a webhook, write a DNS record or a file): a plan runs no provider but the stand-in AWS, so it cannot plan this " +
                    "program. Plan it with the dynamic resource left out (behind a config value, for example).",
            );
        }
        return new PlanError(
            `the program uses the ${name} provider${uses.length ? ` (${uses.join(", ")})` : ""}, which the plan does not run: a plan runs no provider ` +
                "but the stand-in AWS, so that nothing real happens",
        );
    }
    return undefined;
}

/** What `pulumi package add` takes for apprunner-private's component provider: this repository's provider/, if here. */
function providerSource(): string {
    // bin/plan/command (the repository's build) or plan/bin/plan/command (the plan package's, in the repository).
    const here = ["../../../provider", "../../../../provider"]
        .map((p) => path.resolve(__dirname, p))
        .find((d) => fs.existsSync(path.join(d, "PulumiPlugin.yaml")));
    return here ?? "<path-to-apprunner-private>/provider";
}

/** The command's failure, with what it printed (these secrets masked), as the plan's error. */
function failed(what: string, run: Run, secrets: string[] = []): PlanError {
    return masked(new PlanError(`\`pulumi ${what}\` failed (exit ${run.code}):\n${(run.stderr + run.stdout).trim()}`), secrets);
}

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
            `${userPulumi} is ${version}; the plan needs v${MIN_PULUMI} or newer: upgrade it (https://www.pulumi.com/docs/iac/download-install/)`,
        );
    }
    const init = await runPulumi(pulumi, ["stack", "init", stack], inScratch);
    if (init.code !== 0 && !(scratch.kept && /already exists/.test(init.stderr))) {
        if (/incorrect passphrase/.test(init.stderr)) {
            throw new PlanError(
                `the passphrase in ${userEnv.PULUMI_CONFIG_PASSPHRASE ? "PULUMI_CONFIG_PASSPHRASE" : "PULUMI_CONFIG_PASSPHRASE_FILE"} does not decrypt ${config.file}: ` +
                    `give the stack's passphrase, or unset it and pass the secure values with --config (${config.secretKeys.map((k) => `\`${k}\``).join(", ")})`,
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
            sealed: `no provider ran but the stand-in AWS${Object.keys(project.packages).includes(OWN_PACKAGE) ? " and apprunner-private's component provider" : ""}; ${isolation.note}`,
        },
        up,
        preview,
    );
}

/** The plain text of the stack's secret configuration values (`pulumi config --show-secrets` in the scratch project). */
async function secretValues(pulumi: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<string[]> {
    const r = await runPulumi(pulumi, ["config", ...args], opts);
    if (r.code !== 0) throw failed("config --show-secrets", r);
    const found = Object.values<{ value?: unknown; secret?: boolean }>(JSON.parse(r.stdout)).filter((v) => v.secret);
    // Structured values come as JSON text; their leaves are masked one by one, and so is the whole.
    const leaves = (v: unknown): string[] =>
        v && typeof v === "object" ? Object.values(v).flatMap(leaves) : v === undefined || v === null ? [] : [String(v)];
    const values = found.flatMap((v) => {
        const text = String(v.value);
        try {
            return [text, ...leaves(JSON.parse(text))];
        } catch {
            return [text];
        }
    });
    // Too short a value would mask ordinary words.
    return [...new Set(values)].filter((v) => v.length >= 4).sort((a, b) => b.length - a.length);
}

/** Progress every 100 resources the engine reports. */
function progress(onProgress?: (n: number) => void): ((line: string) => void) | undefined {
    if (!onProgress) return undefined;
    let n = 0;
    return (line) => {
        if (line.includes('"resourcePreEvent"') && ++n % 100 === 0) onProgress(n);
    };
}

const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const cancelled = (error: string) => /: context canceled$/.test(error);

/** What the plan knew before the engine ran. */
interface Setting {
    project: string;
    dir: string;
    stack: string;
    region: string;
    pulumi: string;
    pack: string;
    notes: string[];
    account: AccountState;
    /** Secret values to mask wherever they appear in text. */
    secrets: string[];
    pricePerAzHour?: number;
    sealed: string;
    /** A later run of a kept rehearsal: its changes against what the last run left are reported. */
    rehearsal: boolean;
}

/** Every string in a value with these secrets replaced by "[secret]"; an error's message too. */
function masked<T>(value: T, secrets: string[]): T {
    if (value instanceof Error) {
        value.message = masked(value.message, secrets);
        return value;
    }
    if (typeof value === "string") return secrets.reduce((t, secret) => t.split(secret).join(SECRET), value as string) as T;
    if (Array.isArray(value)) return value.map((v) => masked(v, secrets)) as T;
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v, secrets)])) as T;
    return value;
}

/**
 * A resource whose `tags` (or some of its values) are secret, with `tagsAll`, which the provider computes from them, as
 * secret too: the engine marks only the inputs it was given secret, and the provider's copy of them comes back plain.
 */
function secretTagsKept(r: PlannedResource): PlannedResource {
    const tags = r.inputs.tags;
    const secretKeys = tags && typeof tags === "object" ? Object.keys(tags).filter((k) => tags[k] === SECRET) : [];
    if (tags !== SECRET && secretKeys.length === 0) return r;
    const hide = (all: unknown) =>
        tags === SECRET || !all || typeof all !== "object"
            ? all === undefined
                ? undefined
                : SECRET
            : { ...all, ...Object.fromEntries(secretKeys.map((k) => [k, SECRET])) };
    const withHidden = (props: Record<string, any> | undefined) =>
        props && "tagsAll" in props ? { ...props, tagsAll: hide(props.tagsAll) } : props;
    return { ...r, inputs: withHidden(r.inputs)!, outputs: withHidden(r.outputs) };
}

function result(setting: Setting, up: RunReport, preview: RunReport | undefined): PlanResult {
    // The preview lists every resource; the update knows the ids and outputs of those it created. The engine reports
    // resources as their steps start, in no fixed order: sorted by type and name, a plan reads the same every time.
    const resources = [...(preview ?? up).resources.values()]
        .map((r) => {
            const created = up.resources.get(r.urn);
            return created?.id ? { ...r, id: created.id, outputs: created.outputs } : r;
        })
        .sort((a, b) => order(a.type, b.type) || order(a.name, b.name) || order(a.urn, b.urn))
        .map(secretTagsKept);
    const unique = (xs: string[]) => [...new Set(xs)];
    // When one step fails the engine cancels the others, and a policy pack's remediation under way reports that too.
    const errors = unique([...up.errors, ...(preview?.errors ?? [])]).filter(
        (e, _, all) => !(cancelled(e) && all.some((x) => !cancelled(x))),
    );
    // Pulumi YAML reports its errors on the program's stderr only.
    if (errors.length === 0 && up.result !== "succeeded") errors.push(...unique([...up.stderr, ...(preview?.stderr ?? [])]));
    const findings = (preview ?? up).findings;
    const notes = [
        ...setting.notes,
        ...resources
            .filter((r) => r.custom && r.type.startsWith("aws:") && !MODELLED_TYPES.includes(r.type))
            .map((r) => `${r.type} "${r.name}" is not modelled by the plan: created with a generated id and ARN, its inputs unchecked`),
    ];
    if (resources.some((r) => r.custom && !r.id)) {
        notes.push(
            'the update stopped early: the resources it did not create are shown as a preview shows them, values not known yet as "[unknown]"',
        );
    }
    const mandatory = findings.some((f) => f.level === "mandatory");
    if (up.result !== "succeeded" && errors.length === 0 && !mandatory) errors.push("`pulumi up` failed and gave no reason");
    return masked<PlanResult>(
        {
            project: setting.project,
            dir: setting.dir,
            stack: setting.stack,
            region: typeof up.config["aws:region"] === "string" ? (up.config["aws:region"] as string) : setting.region,
            pulumi: setting.pulumi,
            resources,
            outputs: up.outputs ?? preview?.outputs ?? {},
            warnings: unique([...up.warnings, ...(preview?.warnings ?? [])]),
            errors,
            notes,
            policyPacks: (preview ?? up).policyPacks.map((p) => ({ ...p, path: setting.pack })),
            findings,
            cost: estimateCost(resources, setting.pricePerAzHour),
            exitCode: errors.length > 0 || mandatory ? 1 : 0,
            zones: Object.fromEntries(setting.account.subnets.map((s) => [s.SubnetId, s.AvailabilityZone])),
            sealed: setting.sealed,
            ...(setting.rehearsal
                ? {
                      changes: [...(preview ?? up).steps.values()]
                          .filter((c) => c.op !== "same")
                          .sort((a, b) => order(a.type, b.type) || order(a.name, b.name)),
                  }
                : {}),
        },
        setting.secrets,
    );
}
