// A Mermaid flowchart of a planned stack: VPCs holding their App Runner endpoints (with their subnets, zones and
// security groups), the services (private or not), and the VPC ingress connections that join them.
import { connectionOf } from "./connection";
import { ownerOf } from "./cost";
import { PlannedResource } from "./events";

/** Label text: quotes escaped, hyphens non-breaking (Mermaid wraps labels at hyphens). */
const label = (text: string) => text.replace(/"/g, "#quot;").replace(/-/g, "\u2011");

const TYPES = {
    vpc: "aws:ec2/vpc:Vpc",
    endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    service: "aws:apprunner/service:Service",
};

/** `zones`: the Availability Zones of subnets the program did not create, by id. */
export function mermaid(resources: PlannedResource[], zones: Record<string, string> = {}): string {
    const byType = (t: string) => resources.filter((r) => r.type === t);
    const ids = new Map<string, string>();
    const node = (r: PlannedResource) => {
        if (!ids.has(r.urn)) ids.set(r.urn, `n${ids.size}`);
        return ids.get(r.urn)!;
    };
    const subnetText = (id: string) => {
        const created = resources.find((r) => r.type === "aws:ec2/subnet:Subnet" && r.id === id);
        const zone = created?.outputs?.availabilityZone ?? zones[id];
        return `${created ? created.name : id}${zone ? ` (${zone})` : ""}`;
    };
    const lines = ["flowchart LR"];
    const endpoints = byType(TYPES.endpoint);
    const vpcIds = [...new Set(endpoints.map((e) => String(e.inputs.vpcId)))];
    vpcIds.forEach((vpcId, i) => {
        const vpc = byType(TYPES.vpc).find((v) => v.id === vpcId);
        lines.push(`  subgraph vpc${i}["${label(`VPC ${vpc ? `${vpc.name} (${vpcId}, ${vpc.inputs.cidrBlock})` : vpcId}`)}"]`);
        for (const e of endpoints.filter((x) => String(x.inputs.vpcId) === vpcId)) {
            const subnets: string[] = Array.isArray(e.inputs.subnetIds) ? e.inputs.subnetIds : [];
            const owner = ownerOf(e.parent);
            const text = [
                `interface endpoint ${e.name}${owner ? ` (${owner.startsWith("InterfaceEndpoint") ? "shared, " : ""}${owner})` : ""}`,
                String(e.inputs.serviceName),
                `${e.inputs.ipAddressType ?? "ipv4"}, subnets: ${subnets.map(subnetText).join(", ")}`,
            ];
            lines.push(`    ${node(e)}["${text.map(label).join("<br/>")}"]`);
            for (const sgId of (e.inputs.securityGroupIds ?? []) as string[]) {
                const sg = byType(TYPES.securityGroup).find((g) => g.id === sgId);
                const rules = (sg?.inputs.ingress ?? []).map((r: any) => {
                    const sources = [...(r.cidrBlocks ?? []), ...(r.ipv6CidrBlocks ?? []), ...(r.securityGroups ?? [])];
                    return `${r.protocol} ${r.fromPort} from ${sources.join(", ")}`;
                });
                const sgNode = sg ? node(sg) : `${node(e)}_${sgId.replace(/\W/g, "")}`;
                const title = label(`security group ${sg ? sg.name : sgId}`);
                lines.push(`    ${sgNode}{{"${title}${rules.length ? `<br/>${label(rules.join("; "))}` : ""}"}}`);
                lines.push(`    ${sgNode} -.- ${node(e)}`);
            }
        }
        lines.push("  end");
    });
    const services = byType(TYPES.service);
    for (const s of services) {
        const isPrivate = s.inputs.networkConfiguration?.ingressConfiguration?.isPubliclyAccessible === false;
        const title = label(`App Runner service ${String(s.inputs.serviceName ?? s.name)}`);
        lines.push(`  ${node(s)}(["${title}<br/>${isPrivate ? "private" : "PUBLIC: isPubliclyAccessible is not false"}"])`);
    }
    for (const c of resources) {
        const connection = connectionOf(c);
        if (!connection) continue;
        const endpoint = endpoints.find((e) => e.id === connection.vpcEndpointId);
        const service = services.find((s) => s.id === connection.serviceArn);
        const from = endpoint ? node(endpoint) : `${node(c)}_endpoint`;
        if (!endpoint) lines.push(`  ${from}["${label(`endpoint ${String(connection.vpcEndpointId)} (outside this program)`)}"]`);
        const to = service ? node(service) : `${node(c)}_service`;
        if (!service) lines.push(`  ${to}(["${label(`service ${String(connection.serviceArn)}`)}"])`);
        const domain = connection.domainName ? `<br/>https://${label(connection.domainName)}` : "";
        lines.push(`  ${from} -- "${label(`VPC ingress connection ${c.name}`)}${domain}" --> ${to}`);
    }
    return lines.join("\n") + "\n";
}
