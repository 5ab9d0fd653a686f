// What `@pulumi/aws` 7 does before AWS is asked: the defaults and autonaming its Check applies, and the properties
// whose change forces a replacement (Terraform's ForceNew), for the types the component, the root project and the
// examples use. Sources: the Terraform AWS provider's resource schemas (internal/service/ec2/vpc_endpoint.go,
// vpc_security_group.go, vpc.go, vpc_subnet.go; internal/service/apprunner/service.go; for the connection, the
// ForceNew added in provider 5.84, PR #40927: AWS-FACTS.md). The list is written down in DESIGN-NOTES.md.
import { CONNECTION, SECURITY_GROUP, SERVICE, SUBNET, VPC, VPC_ENDPOINT } from "../model";

/** Top-level input properties whose change replaces the resource. */
export const FORCE_NEW: Readonly<Record<string, readonly string[]>> = {
    [CONNECTION]: ["name", "serviceArn", "ingressVpcConfiguration"],
    [VPC_ENDPOINT]: ["vpcId", "serviceName", "vpcEndpointType", "serviceRegion", "resourceConfigurationArn", "serviceNetworkArn"],
    [SECURITY_GROUP]: ["name", "namePrefix", "description", "vpcId"],
    [VPC]: ["cidrBlock", "ipv4IpamPoolId", "ipv4NetmaskLength"],
    [SUBNET]: ["vpcId", "cidrBlock", "availabilityZone", "availabilityZoneId", "outpostArn"],
    [SERVICE]: ["serviceName", "encryptionConfiguration"],
};

/** Required inputs, which Check refuses to go without, as the provider's schema does. */
export const REQUIRED: Readonly<Record<string, readonly string[]>> = {
    [CONNECTION]: ["serviceArn", "ingressVpcConfiguration"],
    [VPC_ENDPOINT]: ["vpcId"],
    [SECURITY_GROUP]: [],
    [VPC]: [],
    [SUBNET]: ["vpcId"],
    [SERVICE]: ["serviceName", "sourceConfiguration"],
};

/** Types whose `name` `@pulumi/aws` autonames when it is not given. */
export const AUTONAMED = new Set([CONNECTION, SECURITY_GROUP]);

/** Defaults the provider fills in at Check. */
export function withDefaults(type: string, inputs: Record<string, any>): Record<string, any> {
    switch (type) {
        case SECURITY_GROUP:
            return { description: "Managed by Pulumi", revokeRulesOnDelete: false, ...inputs };
        case VPC_ENDPOINT:
            // Terraform's default, which `apprunner.requests` does not offer (AWS then refuses it).
            return { vpcEndpointType: "Gateway", ...inputs };
        case VPC:
            return { instanceTenancy: "default", enableDnsSupport: true, ...inputs };
        default:
            return inputs;
    }
}

/** The properties whose change replaces the resource (a VPC endpoint's private DNS too, unless it is an Interface). */
export function replacedBy(type: string, changed: string[], news: Record<string, any>): string[] {
    const forceNew = new Set(FORCE_NEW[type] ?? []);
    if (type === VPC_ENDPOINT && news.vpcEndpointType !== "Interface") forceNew.add("privateDnsEnabled");
    return changed.filter((k) => forceNew.has(k));
}
