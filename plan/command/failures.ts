// A failed plan in the words of what failed: a lookup that found nothing (and what the account does hold), a limit of the
// plan rather than the program, or a pulumi command's failure with its secrets masked.
import * as fs from "node:fs";
import { AccountState } from "../aws";
import { Run } from "./engine";
import { RunReport } from "./events";
import { PlanError } from "./project";

import { providerSource } from "./plugins";
import { masked } from "./mask";

/** A failed lookup, as the stand-in logged it. */
interface FailedLookup {
    token: string;
    args: Record<string, unknown>;
    region: string;
    message: string;
}

export function failedLookups(log: string): FailedLookup[] {
    if (!fs.existsSync(log)) return [];
    return fs
        .readFileSync(log, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .filter((e) => e.method === "Invoke:failed");
}

/** What the account holds that a lookup of this kind could have found, in the lookup's region. */
export function known(account: AccountState, token: string, region: string): string {
    const list = (what: string, ids: string[]) =>
        ids.length
            ? `the simulated account has the ${what} ${ids.slice(0, 8).join(", ")}${ids.length > 8 ? ` and ${ids.length - 8} more` : ""} ` +
              `in ${region}`
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

export function lookupError(lookups: FailedLookup[], account: AccountState): PlanError {
    const lines = lookups
        .filter((l, i) => lookups.findIndex((m) => m.token === l.token && JSON.stringify(m.args) === JSON.stringify(l.args)) === i)
        .map((l) => `  ${l.token} ${JSON.stringify(l.args)}: ${l.message}; ${known(account, l.token, l.region)}`)
        .sort(); // lookups run concurrently: sorted, the message reads the same every time
    return new PlanError(
        `the plan cannot answer ${lines.length === 1 ? "a lookup" : `${lines.length} lookups`} the program makes:\n${lines.join("\n")}\n` +
            "Describe what exists in your account (VPCs, subnets, security groups, App Runner services) " +
            'in a --topology file: see the README, "See before you deploy".',
    );
}

/** A failure that is the plan's limit, not the program's, in what the engine printed. */
export function planLimit(report: RunReport): PlanError | undefined {
    const text = [...report.errors, ...report.stderr].join("\n");
    const yamlType = /unable to find resource type "([^"]+)" in resource provider "aws"/.exec(text);
    if (yamlType) {
        return new PlanError(
            `the stand-in AWS does not model ${yamlType[1]}, and Pulumi YAML needs a type's schema ` +
                `before it runs anything: the plan cannot plan this program ` +
                "(from TypeScript, Python or Go, such a resource is created generically and listed as not modelled)",
        );
    }
    const reference = /unknown stack "([^"]+)"/.exec(text);
    if (reference) {
        return new PlanError(
            `the program reads the stack ${reference[1]} through a StackReference, and the plan runs in ` +
                `a throwaway backend that has no other stack: ` +
                "it cannot plan this program",
        );
    }
    const dynamic = [...text.matchAll(/not run in a plan: the dynamic resource (urn:pulumi:\S+)/g)].map((m) => m[1]);
    if (dynamic.length > 0) {
        const named = [...new Set(dynamic)].map((urn) => `${urn.split("::")[2].split("$").pop()} "${urn.split("::")[3]}"`);
        return new PlanError(
            `the program has ${named.length === 1 ? "a dynamic resource" : "dynamic resources"} ` +
                `(${named.join(", ")}), whose provider is the ` +
                "program's own code and could do anything real (call a webhook, write a DNS record or a " +
                "file): a plan runs no provider but the " +
                "stand-in AWS, so it cannot plan this program. Plan it with the dynamic resource left out " +
                "(behind a config value, for example).",
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
                `the program has a dynamic resource${uses.length ? ` (${uses.join(", ")})` : ""}, whose ` +
                    `provider is the program's own code and could do ` +
                    "anything real (call a webhook, write a DNS record or a file): a plan runs no provider but " +
                    "the stand-in AWS, so it cannot plan this " +
                    "program. Plan it with the dynamic resource left out (behind a config value, for example).",
            );
        }
        return new PlanError(
            `the program uses the ${name} provider${uses.length ? ` (${uses.join(", ")})` : ""}, which ` +
                `the plan does not run: a plan runs no provider ` +
                "but the stand-in AWS, so that nothing real happens",
        );
    }
    return undefined;
}

/** The command's failure, with what it printed (these secrets masked), as the plan's error. */
export function failed(what: string, run: Run, secrets: string[] = []): PlanError {
    return masked(new PlanError(`\`pulumi ${what}\` failed (exit ${run.code}):\n${(run.stderr + run.stdout).trim()}`), secrets);
}
