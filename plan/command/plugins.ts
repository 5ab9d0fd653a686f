// What a plan runs besides the program: the stand-in AWS at the program's @pulumi/aws versions, the component provider
// from this repository, the policy pack; and any other plugin the project names, refused.
import * as fs from "node:fs";
import * as path from "node:path";
import { PlanError, Project } from "./project";

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
export const OWN_PACKAGE = "apprunner-private";

/**
 * What the project's Pulumi.yaml would have the engine run besides the stand-in and the component provider: plugins
 * given by path, and packages other than apprunner-private. Refused before anything runs.
 */
export function foreignPlugins(project: Project): PlanError | undefined {
    const packages = Object.entries(project.packages).filter(([name]) => name !== OWN_PACKAGE);
    const named = [
        ...project.plugins.map((p) => `the plugin ${p}`),
        ...packages.map(([name, source]) => `the package ${name} (${source})`),
    ];
    if (named.length === 0) return undefined;
    return new PlanError(
        `Pulumi.yaml names ${named.join(", ")}, which the plan does not run: a plan runs no provider but the stand-in AWS ` +
            `(and apprunner-private's component provider), so that nothing real happens. Plan a copy of ` +
            `the project without ${named.length === 1 ? "it" : "them"}.`,
    );
}

/** What `pulumi package add` takes for apprunner-private's component provider: this repository's provider/, if here. */
export function providerSource(): string {
    // bin/plan/command (the repository's build) or plan/bin/plan/command (the plan package's, in the repository).
    const here = ["../../../provider", "../../../../provider"]
        .map((p) => path.resolve(__dirname, p))
        .find((d) => fs.existsSync(path.join(d, "PulumiPlugin.yaml")));
    return here ?? "<path-to-apprunner-private>/provider";
}
