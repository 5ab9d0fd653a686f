// The plan as text for people, and as JSON for machines.
import { styleText } from "node:util";
import { ENDPOINT_DATA_PROCESSING_TIERS } from "@apprunner-private/apprunner-private/aws";
import { CLOUD_CONTROL, TERRAFORM_CONNECTION, connectionOf } from "./connection";
import { PlannedResource } from "./events";
import { AVAILABILITY, PlanResult } from "./plan";

/** Colours only on a terminal, and never with NO_COLOR set (https://no-color.org). */
export function wantsColor(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
    return isTTY === true && !env.NO_COLOR;
}

/** "1 service", "2 services". */
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The inputs worth showing for each type, one line each. */
function keyInputs(r: PlannedResource): string {
    const i = r.inputs as Record<string, any>;
    switch (r.type) {
        case "aws:ec2/vpc:Vpc":
            return `cidrBlock=${i.cidrBlock}`;
        case "aws:ec2/subnet:Subnet":
            return `cidrBlock=${i.cidrBlock} availabilityZone=${i.availabilityZone}`;
        case "aws:ec2/securityGroup:SecurityGroup":
            return (
                `ingress=${(i.ingress ?? []).map(ingressRule).join("; ") || "none"} ` + `egress=${(i.egress ?? []).length ? "yes" : "none"}`
            );
        case "aws:ec2/vpcEndpoint:VpcEndpoint":
            return (
                `serviceName=${i.serviceName} type=${i.vpcEndpointType} subnets=${(i.subnetIds ?? []).length} ` +
                `ipAddressType=${i.ipAddressType ?? "ipv4"} privateDns=${i.privateDnsEnabled} ` +
                `policy=${i.policy === undefined ? "none" : "set"}`
            );
        case "aws:apprunner/service:Service":
            return (
                `serviceName=${i.serviceName} ` +
                `isPubliclyAccessible=${i.networkConfiguration?.ingressConfiguration?.isPubliclyAccessible ?? "not set (true)"}`
            );
        case TERRAFORM_CONNECTION:
            return `name=${i.name ?? "(autonamed)"} vpcEndpointId=${i.ingressVpcConfiguration?.vpcEndpointId}`;
        case CLOUD_CONTROL: {
            const c = connectionOf(r);
            return c
                ? `typeName=${i.typeName} name=${c.name ?? "(named by AWS)"} vpcEndpointId=${c.vpcEndpointId}`
                : `typeName=${i.typeName}`;
        }
        default:
            return "";
    }
}

function tree(resources: PlannedResource[]): string[] {
    const urns = new Set(resources.map((r) => r.urn));
    const lines: string[] = [];
    const walk = (level: PlannedResource[], depth: number) => {
        for (const r of level) {
            lines.push(`${"  ".repeat(depth + 1)}${r.type}  ${r.name}${keyInputs(r) ? `  ${keyInputs(r)}` : ""}`);
            walk(
                resources.filter((x) => x.parent === r.urn),
                depth + 1,
            );
        }
    };
    // At the top: the stack's own resources, and any whose parent the engine never reported.
    walk(
        resources.filter((r) => !urns.has(r.parent)),
        0,
    );
    return lines;
}

const usd = (x: number) => `USD ${x.toFixed(2)}`;

/** The plan for a person; `color` for a terminal (never with NO_COLOR set: the CLI decides). */
export function formatText(p: PlanResult, color = false): string {
    // The CLI has decided already (wantsColor), so styleText is told not to check the stream again.
    const paint = (style: "bold" | "red" | "green" | "yellow", text: string) =>
        color ? styleText(style, text, { validateStream: false }) : text;
    const out: string[] = [];
    const section = (title: string, lines: string[]) => {
        if (lines.length > 0) out.push("", paint("bold", title), ...lines);
    };
    out.push(paint("yellow", `Note: ${AVAILABILITY}`));
    out.push(
        "",
        `Plan of ${p.project} (${p.dir}), stack ${p.stack}, in ${p.region}: run by pulumi ${p.pulumi} ` +
            `against a simulated AWS, no AWS account used; ids, ARNs and domain names are invented.`,
        `Sealed: ${p.sealed}.`,
    );
    if (p.changes) {
        // A rehearsal's later run: what it did to what the last run left, as `pulumi up` reports its steps.
        const width = Math.max(0, ...p.changes.map((c) => c.op.length));
        out.push(
            "",
            paint("bold", p.changes.length ? `Changes to the rehearsal (${p.changes.length}):` : "Changes to the rehearsal: none."),
        );
        out.push(...p.changes.map((c) => `  ${c.op.padEnd(width)}  ${c.type}  ${c.name}`));
    }
    section(`Resources (${p.resources.length}):`, tree(p.resources));
    section(
        "Outputs:",
        Object.entries(p.outputs).map(([k, v]) => `  ${k} = ${JSON.stringify(v)}`),
    );
    section(
        `${count(p.notes.length, "note")}:`,
        p.notes.map((n) => `  ${n}`),
    );
    section(
        `${count(p.warnings.length, "warning")}:`,
        p.warnings.map((w) => paint("yellow", `  ${w}`)),
    );
    section(
        `${count(p.errors.length, "error")}:`,
        p.errors.map((e) => paint("red", `  ${e.replace(/\n/g, "\n  ")}`)),
    );
    const mandatory = p.findings.filter((f) => f.level === "mandatory");
    // A finding's message is the rule's description, then what it found: the second part is the news.
    const findings = p.findings.map((f) =>
        paint(
            f.level === "mandatory" ? "red" : "yellow",
            `  [${f.level}] ${f.policy} (${f.urn.split("::").pop()}): ${f.message.split("\n").slice(1).join(" ").trim()}`,
        ),
    );
    const packs = p.policyPacks.map((x) => x.name).join(", ") || "none ran";
    out.push(
        "",
        paint(
            "bold",
            `Policy pack ${packs}: ${count(mandatory.length, "mandatory violation")}, ` +
                `${count(p.findings.length - mandatory.length, "advisory finding")}`,
        ),
    );
    out.push(...findings);
    const c = p.cost;
    if (c.endpoints.length > 0) {
        out.push("", paint("bold", "Cost of interface endpoints, per month:"));
        for (const e of c.endpoints)
            out.push(
                `  ${e.name}${e.owner ? ` of ${e.owner}` : ""} (${e.region}): ${count(e.azs, "AZ")} × ${c.hoursPerMonth} ` +
                    `h × USD ${e.pricePerAzHour} = ${usd(e.monthly)}`,
            );
        out.push(
            `  total: ${usd(c.monthly)} for ${count(c.services, "service")}; one endpoint per service ` +
                `instead: ${usd(c.monthlyOneEndpointPerService)}; sharing saves ${usd(c.saving)}`,
        );
        for (const n of c.notes) out.push(`  ${n}`);
        out.push(`  Partial hours bill as full hours. Data processed is extra: ${ENDPOINT_DATA_PROCESSING_TIERS}.`);
    }
    out.push(
        "",
        p.exitCode === 0 ? paint("green", "Result: OK") : paint("red", "Result: FAILED (errors or mandatory policy violations above)"),
    );
    return out.join("\n") + "\n";
}

export function formatJson(p: PlanResult): string {
    const { zones: _zones, ...rest } = p;
    return JSON.stringify({ availability: AVAILABILITY, ...rest }, null, 2) + "\n";
}

/** A security group rule in one line: protocol, ports, sources. */
function ingressRule(x: any): string {
    const sources = [...(x.cidrBlocks ?? []), ...(x.ipv6CidrBlocks ?? []), ...(x.securityGroups ?? [])];
    return `${x.protocol} ${x.fromPort}-${x.toPort} from ${sources.join(",")}`;
}
