// The plan as text for people, and as JSON for machines.
import { PlanResult, PlannedResource } from "./plan";

/** The inputs worth showing for each type, one line each. */
function keyInputs(r: PlannedResource): string {
    const i = r.inputs as Record<string, any>;
    switch (r.type) {
        case "aws:ec2/vpc:Vpc":
            return `cidrBlock=${i.cidrBlock}`;
        case "aws:ec2/subnet:Subnet":
            return `cidrBlock=${i.cidrBlock} availabilityZone=${i.availabilityZone}`;
        case "aws:ec2/securityGroup:SecurityGroup":
            return `ingress=${(i.ingress ?? []).map((x: any) => `${x.protocol} ${x.fromPort}-${x.toPort} from ${(x.cidrBlocks ?? []).join(",")}`).join("; ") || "none"} egress=${(i.egress ?? []).length ? "yes" : "none"}`;
        case "aws:ec2/vpcEndpoint:VpcEndpoint":
            return `serviceName=${i.serviceName} type=${i.vpcEndpointType} subnets=${(i.subnetIds ?? []).length} privateDns=${i.privateDnsEnabled} policy=${i.policy === undefined ? "none" : "set"}`;
        case "aws:apprunner/service:Service":
            return `serviceName=${i.serviceName} isPubliclyAccessible=${i.networkConfiguration?.ingressConfiguration?.isPubliclyAccessible ?? "not set (true)"}`;
        case "aws:apprunner/vpcIngressConnection:VpcIngressConnection":
            return `name=${i.name} vpcEndpointId=${i.ingressVpcConfiguration?.vpcEndpointId}`;
        default:
            return "";
    }
}

function tree(resources: PlannedResource[]): string[] {
    const lines: string[] = [];
    const walk = (parent: string, depth: number) => {
        for (const r of resources.filter((x) => x.parent === parent)) {
            lines.push(`${"  ".repeat(depth + 1)}${r.type}  ${r.name}${keyInputs(r) ? `  ${keyInputs(r)}` : ""}`);
            if (r.urn) walk(r.urn, depth + 1);
        }
    };
    walk("", 0);
    return lines;
}

const usd = (x: number) => `USD ${x.toFixed(2)}`;

export function formatText(p: PlanResult): string {
    const out: string[] = [];
    out.push(`Plan of ${p.project} (${p.dir}): simulated, no AWS account and no Pulumi CLI used; ids, ARNs and domain names are invented.`);
    out.push("", `Resources (${p.resources.length}):`, ...tree(p.resources));
    out.push("", "Outputs:", ...(Object.keys(p.outputs).length ? Object.entries(p.outputs).map(([k, v]) => `  ${k} = ${JSON.stringify(v)}`) : ["  none"]));
    out.push("", `Warnings (${p.warnings.length}):`, ...p.warnings.map((w) => `  ${w}`));
    out.push("", `Errors (${p.errors.length}):`, ...p.errors.map((e) => `  ${e.replace(/\n/g, "\n  ")}`));
    const mandatory = p.findings.filter((f) => f.level === "mandatory");
    out.push("", `Policy pack apprunner-private: ${mandatory.length} mandatory violation(s), ${p.findings.length - mandatory.length} advisory finding(s)`);
    for (const f of p.findings) out.push(`  [${f.level}] ${f.policy} (${f.urn.split("::").pop()}): ${f.message.split("\n").slice(1).join(" ")}`);
    const c = p.cost;
    out.push("", "Cost of interface endpoints (per month, before data processing at USD 0.01/GB):");
    for (const e of c.endpoints) out.push(`  ${e.name}: ${e.azs} AZ(s) × ${c.hoursPerMonth} h × USD ${c.pricePerAzHour} = ${usd(e.monthly)}`);
    out.push(`  total: ${usd(c.monthly)} for ${c.services} service(s); one endpoint per service instead: ${usd(c.monthlyOneEndpointPerService)}; sharing saves ${usd(c.saving)}`);
    out.push("", p.exitCode === 0 ? "Result: OK" : "Result: FAILED (errors or mandatory policy violations above)");
    return out.join("\n") + "\n";
}

export function formatJson(p: PlanResult): string {
    const { registrations: _internal, ...rest } = p;
    return JSON.stringify(rest, null, 2) + "\n";
}
