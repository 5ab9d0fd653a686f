// What the policy rules' tests share: a compliant stack to vary, and the diagnostics each rule gives.
import * as assert from "node:assert/strict";
import { rules } from "../policy/index";
import { Diagnostic, TestResource, analyze, analyzeStack, urnOf } from "./analyzer";

export const ACCOUNT = "123456789012";
export const VPC = "vpc-0123456789abcdef0";
export const OTHER_VPC = "vpc-0fedcba9876543210";
export const SG = "sg-0123456789abcdef0";
export const VPCE = "vpce-0123456789abcdef0";
export const API_ARN = `arn:aws:apprunner:us-east-1:${ACCOUNT}:service/api-service/0123456789abcdef0123456789abcdef`;
export const ADMIN_ARN = `arn:aws:apprunner:us-east-1:${ACCOUNT}:service/admin-service/fedcba9876543210fedcba9876543210`;
export const T = {
    vpc: "aws:ec2/vpc:Vpc",
    service: "aws:apprunner/service:Service",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    connection: "aws:apprunner/vpcIngressConnection:VpcIngressConnection",
};
export const description = (id: string) => rules.find((r) => r.id === id)!.description;

/** A compliant private service, written by hand; `change` mutates it for one case. */
export function stack(change: (s: Record<string, TestResource>) => void = () => undefined): TestResource[] {
    const s: Record<string, TestResource> = {
        vpc: { type: T.vpc, name: "vpc", props: { arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc/${VPC}`, cidrBlock: "10.0.0.0/16" } },
        api: {
            type: T.service,
            name: "api",
            props: {
                arn: API_ARN,
                serviceName: "api-service",
                networkConfiguration: { ingressConfiguration: { isPubliclyAccessible: false } },
            },
        },
        sg: {
            type: T.sg,
            name: "sg",
            props: {
                arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:security-group/${SG}`,
                vpcId: VPC,
                ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"] }],
                egress: [],
            },
            deps: { vpcId: ["vpc"] },
        },
        endpoint: {
            type: T.endpoint,
            name: "endpoint",
            props: {
                arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc-endpoint/${VPCE}`,
                vpcId: VPC,
                serviceName: "com.amazonaws.us-east-1.apprunner.requests",
                vpcEndpointType: "Interface",
                subnetIds: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
                securityGroupIds: [SG],
                ipAddressType: "ipv4",
                privateDnsEnabled: false,
                policy: "",
            },
            deps: { vpcId: ["vpc"], securityGroupIds: ["sg"] },
        },
        conn: {
            type: T.connection,
            name: "conn",
            props: { serviceArn: API_ARN, name: "api-conn", ingressVpcConfiguration: { vpcId: VPC, vpcEndpointId: VPCE } },
            deleteBeforeReplace: true,
            deps: { serviceArn: ["api"], ingressVpcConfiguration: ["vpc", "endpoint"] },
        },
    };
    change(s);
    return Object.values(s);
}

export const of = (ds: Diagnostic[], policy: string) => ds.filter((d) => d.policy === policy);
export const expectOnly = (ds: Diagnostic[], expected: Diagnostic[]) => assert.deepEqual(ds, expected);
export const violation = (
    policy: string,
    resource: { type: string; name: string },
    message: string,
    level: Diagnostic["level"] = "mandatory",
): Diagnostic => ({
    policy,
    level,
    message: `${description(policy)}\n${message}`,
    urn: urnOf(resource),
});
export const unchecked = (policy: string, resource: { type: string; name: string }, message: string): Diagnostic => ({
    policy,
    level: "advisory",
    message: `${description(policy)}\ncould not check: ${message}`,
    urn: urnOf(resource),
});
export const stackOnly = async (s: TestResource[]) => (await analyzeStack(s)).diagnostics;
export const resourceOnly = async (r: TestResource) => (await analyze(r)).diagnostics;

/** What the shared-endpoint advice says the move costs: no interruption. */
export const MOVE_IN_PLACE =
    "The move interrupts nothing: each service's VPC ingress connection moves to the shared endpoint in place (Cloud Control), " +
    "keeping its ARN, and the old endpoints are deleted after.";
