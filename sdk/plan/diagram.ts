// A Mermaid flowchart of a planned stack: VPCs holding their App Runner endpoints, the services, and the VPC
// ingress connections that join them.
import { Registration } from "../testing/mocks";

const quote = (text: string) => text.replace(/"/g, "#quot;");

export function mermaid(registrations: Registration[]): string {
    const byType = (t: string) => registrations.filter((r) => r.type === t);
    const ids = new Map<string, string>();
    const node = (r: Registration) => {
        if (!ids.has(r.urn ?? r.name)) ids.set(r.urn ?? r.name, `n${ids.size}`);
        return ids.get(r.urn ?? r.name)!;
    };
    const lines = ["flowchart LR"];
    const endpoints = byType("aws:ec2/vpcEndpoint:VpcEndpoint");
    const vpcIds = [...new Set(endpoints.map((e) => String(e.inputs.vpcId)))];
    vpcIds.forEach((vpcId, i) => {
        const vpc = byType("aws:ec2/vpc:Vpc").find((v) => v.id === vpcId);
        lines.push(`  subgraph vpc${i}["VPC ${quote(vpc ? `${vpc.name} (${vpcId}, ${vpc.inputs.cidrBlock})` : vpcId)}"]`);
        for (const e of endpoints.filter((x) => String(x.inputs.vpcId) === vpcId)) {
            const azs = Array.isArray(e.inputs.subnetIds) ? e.inputs.subnetIds.length : 0;
            lines.push(`    ${node(e)}["interface endpoint ${quote(e.name)}<br/>${quote(String(e.inputs.serviceName))}<br/>${azs} AZ${azs === 1 ? "" : "s"}"]`);
        }
        lines.push("  end");
    });
    const services = byType("aws:apprunner/service:Service");
    for (const s of services) lines.push(`  ${node(s)}(["App Runner service ${quote(String(s.inputs.serviceName ?? s.name))}"])`);
    for (const c of byType("aws:apprunner/vpcIngressConnection:VpcIngressConnection")) {
        const endpoint = endpoints.find((e) => e.id === c.inputs.ingressVpcConfiguration?.vpcEndpointId);
        const service = services.find((s) => s.id === c.inputs.serviceArn);
        const from = endpoint ? node(endpoint) : `${node(c)}_endpoint`;
        if (!endpoint) lines.push(`  ${from}["endpoint ${quote(String(c.inputs.ingressVpcConfiguration?.vpcEndpointId))} (outside this program)"]`);
        const to = service ? node(service) : `${node(c)}_service`;
        if (!service) lines.push(`  ${to}(["service ${quote(String(c.inputs.serviceArn))}"])`);
        const domain = c.state?.domainName ? `<br/>https://${c.state.domainName}` : "";
        lines.push(`  ${from} -- "VPC ingress connection ${quote(c.name)}${domain}" --> ${to}`);
    }
    return lines.join("\n") + "\n";
}
