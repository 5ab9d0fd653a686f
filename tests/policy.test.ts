// Every policy rule, compliant and not, through @pulumi/policy's analyzer entry points, messages verbatim.
import * as assert from "node:assert/strict";
import { rules } from "../policy/index";
import { Analysis, Diagnostic, TestResource, UNKNOWN_VALUE, analyze, analyzeAll, analyzeStack, urnOf } from "./analyzer";

const ACCOUNT = "123456789012";
const VPC = "vpc-0123456789abcdef0";
const OTHER_VPC = "vpc-0fedcba9876543210";
const SG = "sg-0123456789abcdef0";
const VPCE = "vpce-0123456789abcdef0";
const API_ARN = `arn:aws:apprunner:us-east-1:${ACCOUNT}:service/api-service/0123456789abcdef0123456789abcdef`;
const ADMIN_ARN = `arn:aws:apprunner:us-east-1:${ACCOUNT}:service/admin-service/fedcba9876543210fedcba9876543210`;
const T = {
    vpc: "aws:ec2/vpc:Vpc",
    service: "aws:apprunner/service:Service",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    connection: "aws:apprunner/vpcIngressConnection:VpcIngressConnection",
};
const description = (id: string) => rules.find((r) => r.id === id)!.description;

/** A compliant private service, written by hand; `change` mutates it for one case. */
function stack(change: (s: Record<string, TestResource>) => void = () => undefined): TestResource[] {
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

const of = (ds: Diagnostic[], policy: string) => ds.filter((d) => d.policy === policy);
const expectOnly = (ds: Diagnostic[], expected: Diagnostic[]) => assert.deepEqual(ds, expected);
const violation = (
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
const unchecked = (policy: string, resource: { type: string; name: string }, message: string): Diagnostic => ({
    policy,
    level: "advisory",
    message: `${description(policy)}\ncould not check: ${message}`,
    urn: urnOf(resource),
});
const stackOnly = async (s: TestResource[]) => (await analyzeStack(s)).diagnostics;
const resourceOnly = async (r: TestResource) => (await analyze(r)).diagnostics;

/** What the shared-endpoint advice says the move costs: no interruption. */
const MOVE_IN_PLACE =
    "The move interrupts nothing: each service's VPC ingress connection moves to the shared endpoint in place (Cloud Control), " +
    "keeping its ARN, and the old endpoints are deleted after.";

describe("policy rules through @pulumi/policy's analyzer", () => {
    it("a compliant hand-written private service raises nothing, resource or stack", async () => {
        assert.deepEqual(await analyzeAll(stack()), []);
    });

    it("every rule has a stable id, a one-sentence description, an explanation and a level", () => {
        assert.deepEqual(
            rules.map((r) => r.id),
            [
                "apprunner-service-not-public",
                "apprunner-endpoint-interface",
                "apprunner-endpoint-multi-az",
                "apprunner-endpoint-no-policy",
                "apprunner-endpoint-ip-address-type",
                "apprunner-endpoint-sg-not-world-open",
                "apprunner-endpoint-sg-https-only",
                "apprunner-one-connection-per-service",
                "apprunner-connection-endpoint-same-vpc",
                "apprunner-endpoint-region-matches-service",
                "apprunner-shared-endpoint",
                "apprunner-connection-delete-before-replace",
            ],
        );
        for (const r of rules) {
            assert.match(r.description, /^[A-Z].*\.$/, `${r.id}: a sentence`);
            assert.doesNotMatch(r.description, /\. [A-Z]/, `${r.id}: one sentence`);
            assert.ok(r.explanation.length > 80, `${r.id}: explained`);
        }
    });

    describe("apprunner-service-not-public", () => {
        const id = "apprunner-service-not-public";
        it("flags a connected service left public", async () => {
            const s = stack((x) => ((x.api.props.networkConfiguration as any).ingressConfiguration.isPubliclyAccessible = true));
            expectOnly(of(await stackOnly(s), id), [
                violation(
                    id,
                    s[1],
                    'Service "api" is connected privately by VpcIngressConnection "conn" but is not private ' +
                        "(isPubliclyAccessible: true): set " +
                        "networkConfiguration.ingressConfiguration.isPubliclyAccessible to false, as AWS's " +
                        "procedure for a private service does.",
                ),
            ]);
        });
        it("flags a service that does not set it (the default is public)", async () => {
            const s = stack((x) => delete x.api.props.networkConfiguration);
            expectOnly(of(await stackOnly(s), id), [
                violation(
                    id,
                    s[1],
                    'Service "api" is connected privately by VpcIngressConnection "conn" but is not private ' +
                        "(isPubliclyAccessible: not set, so true): set " +
                        "networkConfiguration.ingressConfiguration.isPubliclyAccessible to false, as AWS's " +
                        "procedure for a private service does.",
                ),
            ]);
        });
        it("links connection and service by property dependency when the ARN is unknown (preview)", async () => {
            const s = stack((x) => {
                x.api.props.arn = UNKNOWN_VALUE;
                x.conn.props.serviceArn = UNKNOWN_VALUE;
                (x.api.props.networkConfiguration as any).ingressConfiguration.isPubliclyAccessible = true;
            });
            expectOnly(of(await stackOnly(s), id), [
                violation(
                    id,
                    s[1],
                    'Service "api" is connected privately by VpcIngressConnection "conn" but is not private ' +
                        "(isPubliclyAccessible: true): set " +
                        "networkConfiguration.ingressConfiguration.isPubliclyAccessible to false, as AWS's " +
                        "procedure for a private service does.",
                ),
            ]);
        });
        it("says it could not check, as advisory, when neither value nor dependency tells", async () => {
            const s = stack((x) => {
                x.conn.props.serviceArn = UNKNOWN_VALUE;
                x.conn.deps = { ingressVpcConfiguration: ["vpc", "endpoint"] };
            });
            expectOnly(of(await stackOnly(s), id), [
                unchecked(id, s[4], 'could not tell which service VpcIngressConnection "conn" connects: its serviceArn is not known yet.'),
            ]);
        });
        it("is not applicable to a stack without connections", async () => {
            const { notApplicable } = await analyzeStack(stack().slice(0, 4));
            assert.deepEqual(
                notApplicable.filter((n) => n.policy === id),
                [{ policy: id, reason: "no App Runner VPC ingress connection in the stack" }],
            );
        });
    });

    describe("endpoint resource rules", () => {
        const endpoint = () => stack()[3];
        const withProps = (props: Record<string, unknown>) => ({ ...endpoint(), props: { ...endpoint().props, ...props } });
        it("apprunner-endpoint-interface flags a Gateway endpoint, and an unset type", async () => {
            const id = "apprunner-endpoint-interface";
            expectOnly(of(await resourceOnly(withProps({ vpcEndpointType: "Gateway" })), id), [
                violation(id, endpoint(), 'VpcEndpoint "endpoint" has vpcEndpointType "Gateway": set it to "Interface".'),
            ]);
            const { vpcEndpointType: _drop, ...rest } = endpoint().props;
            expectOnly(of(await resourceOnly({ ...endpoint(), props: rest }), id), [
                violation(id, endpoint(), 'VpcEndpoint "endpoint" has vpcEndpointType not set (Gateway): set it to "Interface".'),
            ]);
        });
        it("apprunner-endpoint-multi-az advises against one subnet", async () => {
            const id = "apprunner-endpoint-multi-az";
            expectOnly(of(await resourceOnly(withProps({ subnetIds: ["subnet-0123456789abcdef0"] })), id), [
                violation(id, endpoint(), 'VpcEndpoint "endpoint" is in 1 subnet: add a subnet in a second Availability Zone.', "advisory"),
            ]);
            expectOnly(of(await resourceOnly(withProps({ subnetIds: UNKNOWN_VALUE })), id), [
                unchecked(id, endpoint(), `VpcEndpoint "endpoint"'s subnetIds are not known yet.`),
            ]);
        });
        it("apprunner-endpoint-no-policy flags a policy, and accepts AWS's default full-access one", async () => {
            const id = "apprunner-endpoint-no-policy";
            const restrictive = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "apprunner:*", Resource: "*" }] });
            expectOnly(of(await resourceOnly(withProps({ policy: restrictive })), id), [
                violation(
                    id,
                    endpoint(),
                    `VpcEndpoint "endpoint" sets an endpoint policy, which App Runner does not support: remove ` +
                        `it and restrict access with the endpoint's security group.`,
                ),
            ]);
            const fullAccess = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] });
            assert.deepEqual(of(await resourceOnly(withProps({ policy: fullAccess })), id), []);
        });
        it("apprunner-endpoint-ip-address-type accepts ipv4 and dualstack, and flags ipv6", async () => {
            const id = "apprunner-endpoint-ip-address-type";
            for (const ok of ["ipv4", "dualstack"]) assert.deepEqual(of(await resourceOnly(withProps({ ipAddressType: ok })), id), [], ok);
            expectOnly(of(await resourceOnly(withProps({ ipAddressType: "ipv6" })), id), [
                violation(
                    id,
                    endpoint(),
                    'VpcEndpoint "endpoint" sets ipAddressType "ipv6": App Runner documents "ipv4" and "dualstack" only; use one of them.',
                ),
            ]);
        });
        it("are not applicable to other endpoints, and could-not-check while the service name is unknown", async () => {
            const s3 = withProps({ serviceName: "com.amazonaws.us-east-1.s3", vpcEndpointType: "Gateway" });
            const analysis: Analysis = await analyze(s3);
            assert.deepEqual(analysis.diagnostics, []);
            assert.deepEqual(
                analysis.notApplicable.filter((n) => n.policy.startsWith("apprunner-endpoint")).map((n) => n.reason),
                Array(4).fill("not an apprunner.requests VPC endpoint"),
            );
            const unknownName = await resourceOnly(withProps({ serviceName: UNKNOWN_VALUE }));
            assert.deepEqual(new Set(unknownName.map((d) => d.level)), new Set(["advisory"]));
            assert.equal(unknownName.length, 4);
        });
    });

    describe("apprunner-endpoint-sg-not-world-open (mandatory) and apprunner-endpoint-sg-https-only (advisory)", () => {
        const id = "apprunner-endpoint-sg-https-only";
        const open = "apprunner-endpoint-sg-not-world-open";
        it("flags a world-open source as mandatory, and a port other than 443 as advisory", async () => {
            const s = stack(
                (x) =>
                    (x.sg.props.ingress = [
                        { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
                        { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/16"] },
                    ]),
            );
            const ds = await stackOnly(s);
            expectOnly(of(ds, open), [
                violation(
                    open,
                    s[2],
                    'SecurityGroup "sg" on App Runner endpoint VpcEndpoint "endpoint": ingress[0] admits ' +
                        "0.0.0.0/0; allow only your clients' CIDR blocks or security groups.",
                ),
            ]);
            expectOnly(of(ds, id), [
                violation(
                    id,
                    s[2],
                    'SecurityGroup "sg" on App Runner endpoint VpcEndpoint "endpoint": ingress[1] admits all ' +
                        "traffic, not only TCP 443; allow only TCP 443 from your clients.",
                    "advisory",
                ),
            ]);
        });
        it("accepts TCP 443 from client security groups (no CIDR source)", async () => {
            const s = stack(
                (x) => (x.sg.props.ingress = [{ protocol: "tcp", fromPort: 443, toPort: 443, securityGroups: ["sg-0ddddddddddddddddd"] }]),
            );
            assert.deepEqual([...of(await stackOnly(s), id), ...of(await stackOnly(s), open)], []);
        });
        it("flags a separate ingress rule resource that opens the group to ::/0", async () => {
            const rule: TestResource = {
                type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                name: "open-v6",
                props: { securityGroupId: SG, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv6: "::/0" },
                deps: { securityGroupId: ["sg"] },
            };
            const s = [...stack(), rule];
            expectOnly(of(await stackOnly(s), open), [
                violation(
                    open,
                    s[2],
                    'SecurityGroup "sg" on App Runner endpoint VpcEndpoint "endpoint": SecurityGroupIngressRule ' +
                        '"open-v6" admits ::/0; allow only your clients\' CIDR blocks or security groups.',
                ),
            ]);
            assert.deepEqual(of(await stackOnly(s), id), []);
        });
        it("could not check a group outside the stack, or the VPC's default group", async () => {
            const external = stack(
                (x) => ((x.endpoint.props.securityGroupIds = ["sg-0aaaaaaaaaaaaaaaa"]), (x.endpoint.deps = { vpcId: ["vpc"] })),
            );
            expectOnly(of(await stackOnly(external), id), [
                unchecked(
                    id,
                    external[3],
                    `VpcEndpoint "endpoint"'s security group sg-0aaaaaaaaaaaaaaaa is not in this stack; check ` +
                        `its rules where it is defined.`,
                ),
            ]);
            const none = stack((x) => ((x.endpoint.props.securityGroupIds = []), (x.endpoint.deps = { vpcId: ["vpc"] })));
            expectOnly(of(await stackOnly(none), id), [
                unchecked(
                    id,
                    none[3],
                    `VpcEndpoint "endpoint" uses the VPC's default security group, which is not in this stack; ` +
                        `give it a security group that admits TCP 443 from your clients.`,
                ),
            ]);
        });
        it("follows the dependency when the group ids are unknown (preview)", async () => {
            const s = stack((x) => {
                x.endpoint.props.securityGroupIds = UNKNOWN_VALUE;
                x.sg.props.arn = UNKNOWN_VALUE;
                x.sg.props.ingress = [{ protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["10.0.0.0/16"] }];
            });
            expectOnly(of(await stackOnly(s), id), [
                violation(
                    id,
                    s[2],
                    'SecurityGroup "sg" on App Runner endpoint VpcEndpoint "endpoint": ingress[0] admits tcp ' +
                        "80-80, not only TCP 443; allow only TCP 443 from your clients.",
                    "advisory",
                ),
            ]);
        });
    });

    describe("apprunner-one-connection-per-service", () => {
        const id = "apprunner-one-connection-per-service";
        const second = (serviceArn: string): TestResource => ({
            type: T.connection,
            name: "conn2",
            props: { serviceArn, name: "api-conn-2", ingressVpcConfiguration: { vpcId: VPC, vpcEndpointId: VPCE } },
            deleteBeforeReplace: true,
            deps: { serviceArn: ["api"], ingressVpcConfiguration: ["vpc", "endpoint"] },
        });
        it("flags two connections for one service, by ARN or, in a preview, by dependency", async () => {
            const s = [...stack(), second(API_ARN)];
            const expected = [
                violation(
                    id,
                    s[5],
                    `VpcIngressConnection "conn" and VpcIngressConnection "conn2" connect the same service ` +
                        `(${API_ARN}); AWS allows one: keep one and share its domain name.`,
                ),
            ];
            expectOnly(of(await stackOnly(s), id), expected);
            const preview = [...stack((x) => (x.conn.props.serviceArn = UNKNOWN_VALUE)), second(UNKNOWN_VALUE)];
            expectOnly(of(await stackOnly(preview), id), [
                violation(
                    id,
                    preview[5],
                    `VpcIngressConnection "conn" and VpcIngressConnection "conn2" connect the same service ` +
                        `(${urnOf(preview[1])}); AWS allows one: keep one and share its domain name.`,
                ),
            ]);
        });
        it("accepts two connections for two services", async () => {
            const admin: TestResource = {
                type: T.service,
                name: "admin",
                props: { arn: ADMIN_ARN, networkConfiguration: { ingressConfiguration: { isPubliclyAccessible: false } } },
            };
            const conn2 = { ...second(ADMIN_ARN), deps: { serviceArn: ["admin"], ingressVpcConfiguration: ["vpc", "endpoint"] } };
            assert.deepEqual(await stackOnly([...stack(), admin, conn2]), []);
        });
    });

    describe("apprunner-connection-endpoint-same-vpc and apprunner-endpoint-region-matches-service", () => {
        it("flag a connection naming another VPC than its endpoint's", async () => {
            const id = "apprunner-connection-endpoint-same-vpc";
            const s = stack((x) => ((x.conn.props.ingressVpcConfiguration as any).vpcId = OTHER_VPC));
            expectOnly(of(await stackOnly(s), id), [
                violation(
                    id,
                    s[4],
                    `VpcIngressConnection "conn" names VPC ${OTHER_VPC} but its endpoint VpcEndpoint "endpoint" ` +
                        `is in ${VPC}: use the endpoint's VPC.`,
                ),
            ]);
        });
        it("flag an endpoint serving another region than the service's", async () => {
            const id = "apprunner-endpoint-region-matches-service";
            const s = stack((x) => (x.endpoint.props.serviceName = "com.amazonaws.eu-west-1.apprunner.requests"));
            expectOnly(of(await stackOnly(s), id), [
                violation(
                    id,
                    s[4],
                    'VpcIngressConnection "conn" connects a service in us-east-1 through VpcEndpoint ' +
                        '"endpoint", which serves eu-west-1: create the endpoint in us-east-1.',
                ),
            ]);
        });
        it("could not check a connection through an endpoint outside the stack", async () => {
            const id = "apprunner-connection-endpoint-same-vpc";
            const s = stack((x) => ((x.conn.props.ingressVpcConfiguration as any).vpcEndpointId = "vpce-0bbbbbbbbbbbbbbbb"));
            expectOnly(of(await stackOnly(s), id), [
                unchecked(
                    id,
                    s[4],
                    `VpcIngressConnection "conn" uses an endpoint outside this stack; check that its VPC is the connection's.`,
                ),
            ]);
        });
    });

    describe("apprunner-shared-endpoint", () => {
        const id = "apprunner-shared-endpoint";
        it("advises one endpoint per VPC, with the monthly saving", async () => {
            const extra: TestResource = {
                type: T.endpoint,
                name: "endpoint2",
                props: {
                    ...stack()[3].props,
                    arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc-endpoint/vpce-0ccccccccccccccccc`,
                    subnetIds: ["subnet-1", "subnet-2", "subnet-3"],
                },
                deps: { vpcId: ["vpc"], securityGroupIds: ["sg"] },
            };
            const s = [...stack(), extra];
            expectOnly(of(await stackOnly(s), id), [
                violation(
                    id,
                    extra,
                    `VPC ${VPC} has 2 App Runner interface endpoints (VpcEndpoint "endpoint", VpcEndpoint ` +
                        `"endpoint2"); one can serve every service in the VPC: make one an InterfaceEndpoint (owned ` +
                        `by no service) and give every PrivateEndpoint its vpcEndpointId. Sharing it saves about ` +
                        `USD 21.90 a month (3 endpoint-AZs × 730 h × USD 0.01), plus data processing. ${MOVE_IN_PLACE}`,
                    "advisory",
                ),
            ]);
        });
        // An InterfaceEndpoint's endpoint, at the top of the stack or inside a component of the user's (its URN's type
        // chain then has `$` before the token).
        for (const [where, chain] of [
            ["at the top", "apprunner-private:index:InterfaceEndpoint"],
            ["nested in the user's own component", "acme:index:Network$apprunner-private:index:InterfaceEndpoint"],
        ]) {
            it(`names an InterfaceEndpoint's endpoint (${where}) as the one to keep, and flags the other`, async () => {
                const shared: TestResource = {
                    type: T.endpoint,
                    name: "shared-endpoint",
                    urn: `urn:pulumi:stack::project::${chain}$${T.endpoint}::shared-endpoint`,
                    props: { ...stack()[3].props, arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc-endpoint/vpce-0ccccccccccccccccc` },
                    deps: { vpcId: ["vpc"], securityGroupIds: ["sg"] },
                };
                const s = [...stack(), shared];
                expectOnly(of(await stackOnly(s), id), [
                    violation(
                        id,
                        s[3],
                        `VPC ${VPC} has 2 App Runner interface endpoints (VpcEndpoint "endpoint", VpcEndpoint ` +
                            `"shared-endpoint"); one can serve every service in the VPC: give every PrivateEndpoint the ` +
                            `vpcEndpointId of VpcEndpoint "shared-endpoint", the InterfaceEndpoint's. Sharing it saves ` +
                            `about USD 14.60 a month (2 endpoint-AZs × 730 h × USD 0.01), plus data processing. ${MOVE_IN_PLACE}`,
                        "advisory",
                    ),
                ]);
            });
        }
        it("prices by the endpoints' region (eu-central-1: USD 0.012)", async () => {
            const eu = (name: string, arn: string): TestResource => ({
                type: T.endpoint,
                name,
                props: {
                    ...stack()[3].props,
                    arn,
                    serviceName: "com.amazonaws.eu-central-1.apprunner.requests",
                    subnetIds: ["subnet-1", "subnet-2"],
                },
                deps: { vpcId: ["vpc"], securityGroupIds: ["sg"] },
            });
            const a = eu("eu1", `arn:aws:ec2:eu-central-1:${ACCOUNT}:vpc-endpoint/vpce-0eeeeeeeeeeeeeeeee`);
            const b = eu("eu2", `arn:aws:ec2:eu-central-1:${ACCOUNT}:vpc-endpoint/vpce-0fffffffffffffffff`);
            const ds = of(await stackOnly([stack()[0], stack()[2], a, b]), id);
            assert.equal(ds.length, 1);
            assert.match(ds[0].message, /saves about USD 17\.52 a month \(2 endpoint-AZs × 730 h × USD 0\.012\)/);
        });
    });

    describe("apprunner-connection-delete-before-replace", () => {
        const id = "apprunner-connection-delete-before-replace";
        it("flags a connection without deleteBeforeReplace", async () => {
            const conn = { ...stack()[4], deleteBeforeReplace: undefined };
            expectOnly(of(await resourceOnly(conn), id), [
                violation(
                    id,
                    conn,
                    'VpcIngressConnection "conn" would be replaced create-first, which AWS refuses for a ' +
                        "service's one connection: set the resource option deleteBeforeReplace: true.",
                ),
            ]);
            assert.deepEqual(of(await resourceOnly(stack()[4]), id), []);
        });
    });

    describe("a connection that is a Cloud Control resource (AWS::AppRunner::VpcIngressConnection), as PrivateEndpoint makes it", () => {
        /** The same connection as `aws.cloudcontrol.Resource`: its desired state the CloudFormation model, its deps one list. */
        const cloudControl = (r: TestResource): TestResource => {
            const p = r.props as { serviceArn: string; name?: string; ingressVpcConfiguration: { vpcId: string; vpcEndpointId: string } };
            const known = p.serviceArn !== UNKNOWN_VALUE;
            return {
                type: "aws:cloudcontrol/resource:Resource",
                name: r.name,
                props: {
                    typeName: "AWS::AppRunner::VpcIngressConnection",
                    desiredState: known
                        ? JSON.stringify({
                              ServiceArn: p.serviceArn,
                              ...(p.name ? { VpcIngressConnectionName: p.name } : {}),
                              IngressVpcConfiguration: {
                                  VpcId: p.ingressVpcConfiguration.vpcId,
                                  VpcEndpointId: p.ingressVpcConfiguration.vpcEndpointId,
                              },
                          })
                        : UNKNOWN_VALUE,
                },
                deleteBeforeReplace: r.deleteBeforeReplace,
                deps: { desiredState: [...(r.deps?.serviceArn ?? []), ...(r.deps?.ingressVpcConfiguration ?? [])] },
            };
        };
        const withCloudControl = (change: (s: Record<string, TestResource>) => void = () => undefined) =>
            stack((x) => {
                change(x);
                x.conn = cloudControl(x.conn);
            });

        it("a compliant stack raises nothing", async () => {
            assert.deepEqual(await stackOnly(withCloudControl()), []);
        });

        it("every rule that reads a connection fires as for the provider's connection, naming it by its own type", async () => {
            const pub = withCloudControl(
                (x) => ((x.api.props.networkConfiguration as any).ingressConfiguration.isPubliclyAccessible = true),
            );
            const conn = pub[4];
            assert.equal(conn.type, "aws:cloudcontrol/resource:Resource");
            expectOnly(of(await stackOnly(pub), "apprunner-service-not-public"), [
                violation(
                    "apprunner-service-not-public",
                    pub[1],
                    'Service "api" is connected privately by VpcIngressConnection "conn" but is not private ' +
                        "(isPubliclyAccessible: true): set " +
                        "networkConfiguration.ingressConfiguration.isPubliclyAccessible to false, as AWS's " +
                        "procedure for a private service does.",
                ),
            ]);
            const otherVpc = withCloudControl((x) => ((x.conn.props.ingressVpcConfiguration as any).vpcId = OTHER_VPC));
            expectOnly(of(await stackOnly(otherVpc), "apprunner-connection-endpoint-same-vpc"), [
                violation(
                    "apprunner-connection-endpoint-same-vpc",
                    otherVpc[4],
                    `VpcIngressConnection "conn" names VPC ${OTHER_VPC} but its endpoint VpcEndpoint "endpoint" ` +
                        `is in ${VPC}: use the endpoint's VPC.`,
                ),
            ]);
            const twice = [...withCloudControl(), { ...cloudControl({ ...stack()[4], name: "conn2" }) }];
            expectOnly(of(await stackOnly(twice), "apprunner-one-connection-per-service"), [
                violation(
                    "apprunner-one-connection-per-service",
                    twice[5],
                    `VpcIngressConnection "conn" and VpcIngressConnection "conn2" connect the same service ` +
                        `(${API_ARN}); AWS allows one: keep one and share its domain name.`,
                ),
            ]);
            const createFirst = { ...conn, deleteBeforeReplace: undefined };
            expectOnly(of(await resourceOnly(createFirst), "apprunner-connection-delete-before-replace"), [
                violation(
                    "apprunner-connection-delete-before-replace",
                    createFirst,
                    'VpcIngressConnection "conn" would be replaced create-first, which AWS refuses for a ' +
                        "service's one connection: set the resource option deleteBeforeReplace: true.",
                ),
            ]);
        });

        it("in a preview, with the desired state unknown, follows its dependencies and fails no mandatory rule", async () => {
            const preview = withCloudControl((x) => (x.conn.props.serviceArn = UNKNOWN_VALUE));
            assert.deepEqual(
                (await stackOnly(preview)).filter((d) => d.level === "mandatory"),
                [],
            );
        });

        it("another Cloud Control type is no connection", async () => {
            const bucket: TestResource = {
                type: "aws:cloudcontrol/resource:Resource",
                name: "bucket",
                props: { typeName: "AWS::S3::Bucket", desiredState: "{}" },
            };
            assert.deepEqual(await stackOnly([...stack((x) => delete (x as Record<string, unknown>).conn), bucket]), []);
        });
    });

    it("a preview with every id unknown never fails a mandatory rule", async () => {
        const s = stack((x) => {
            for (const r of Object.values(x)) if ("arn" in r.props) r.props.arn = UNKNOWN_VALUE;
            x.endpoint.props.securityGroupIds = UNKNOWN_VALUE;
            x.endpoint.props.vpcId = UNKNOWN_VALUE;
            x.sg.props.vpcId = UNKNOWN_VALUE;
            x.conn.props.serviceArn = UNKNOWN_VALUE;
            x.conn.props.ingressVpcConfiguration = UNKNOWN_VALUE;
        });
        const ds = await analyzeAll(s);
        assert.deepEqual(
            ds.filter((d) => d.level === "mandatory"),
            [],
        );
        // Connection and endpoint depend on the same VPC resource, so the VPC match is checked by dependency...
        assert.deepEqual(of(ds, "apprunner-connection-endpoint-same-vpc"), []);
        // ...but no region can be read from unknown ARNs: reported as not checked, never as passed.
        expectOnly(of(ds, "apprunner-endpoint-region-matches-service"), [
            unchecked(
                "apprunner-endpoint-region-matches-service",
                s[4],
                'the service ARN of VpcIngressConnection "conn" or the service name of VpcEndpoint "endpoint" is not known yet.',
            ),
        ]);
    });
});

/**
 * Every rule that reads a value, with that value unknown in each of four ways: the value itself, the list it is, one
 * element of the list, one property of the object it is. Each must be "could not check" (advisory): never a crash,
 * never a violation guessed from a partial value.
 */
describe("policy rules on values unknown in every way", () => {
    type Mutate = (s: Record<string, TestResource>, unknown: string) => void;
    const cases: { rule: string; what: string; mutate: Mutate }[] = [
        {
            rule: "apprunner-service-not-public",
            what: "networkConfiguration (nested object)",
            mutate: (x, u) => ((x.api.props.networkConfiguration as any).ingressConfiguration = { isPubliclyAccessible: u }),
        },
        {
            rule: "apprunner-service-not-public",
            what: "networkConfiguration (value)",
            mutate: (x, u) => (x.api.props.networkConfiguration = u),
        },
        { rule: "apprunner-endpoint-interface", what: "vpcEndpointType (value)", mutate: (x, u) => (x.endpoint.props.vpcEndpointType = u) },
        { rule: "apprunner-endpoint-multi-az", what: "subnetIds (list)", mutate: (x, u) => (x.endpoint.props.subnetIds = u) },
        { rule: "apprunner-endpoint-multi-az", what: "subnetIds (element)", mutate: (x, u) => (x.endpoint.props.subnetIds = [u]) },
        { rule: "apprunner-endpoint-no-policy", what: "policy (value)", mutate: (x, u) => (x.endpoint.props.policy = u) },
        {
            rule: "apprunner-endpoint-ip-address-type",
            what: "ipAddressType (value)",
            mutate: (x, u) => (x.endpoint.props.ipAddressType = u),
        },
        ...["apprunner-endpoint-sg-not-world-open", "apprunner-endpoint-sg-https-only"].flatMap((rule) => [
            { rule, what: "ingress (list)", mutate: ((x, u) => (x.sg.props.ingress = u)) as Mutate },
            { rule, what: "ingress (element)", mutate: ((x, u) => (x.sg.props.ingress = [u])) as Mutate },
            {
                rule,
                what: "ingress[0].cidrBlocks (nested list)",
                mutate: ((x, u) => (x.sg.props.ingress = [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: u }])) as Mutate,
            },
            {
                rule,
                what: "ingress[0].cidrBlocks[0] (nested element)",
                mutate: ((x, u) => (x.sg.props.ingress = [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [u] }])) as Mutate,
            },
        ]),
        {
            rule: "apprunner-one-connection-per-service",
            what: "serviceArn (value), two connections",
            mutate: (x, u) => ((x.conn.props.serviceArn = u), (x.conn.deps = {})),
        },
        {
            rule: "apprunner-connection-endpoint-same-vpc",
            what: "ingressVpcConfiguration (nested object)",
            mutate: (x, u) => ((x.conn.props.ingressVpcConfiguration = { vpcId: VPC, vpcEndpointId: u }), (x.conn.deps = {})),
        },
        {
            rule: "apprunner-endpoint-region-matches-service",
            what: "serviceArn (value)",
            mutate: (x, u) => ((x.conn.props.serviceArn = u), (x.conn.deps = { ingressVpcConfiguration: ["vpc", "endpoint"] })),
        },
        {
            rule: "apprunner-shared-endpoint",
            what: "vpcId (value), two endpoints",
            mutate: (x, u) => ((x.endpoint.props.vpcId = u), (x.endpoint.deps = {})),
        },
    ];
    for (const c of cases) {
        it(`${c.rule}: ${c.what}`, async () => {
            let s = stack((x) => c.mutate(x, UNKNOWN_VALUE));
            if (c.rule === "apprunner-one-connection-per-service") {
                s = [...s, { ...s[4], name: "conn2", props: { ...s[4].props, serviceArn: API_ARN } }];
            }
            if (c.rule === "apprunner-shared-endpoint") {
                s = [
                    ...s,
                    {
                        ...s[3],
                        name: "endpoint2",
                        props: { ...s[3].props, arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc-endpoint/vpce-0cccccccccccccccc` },
                        deps: { vpcId: ["vpc"] },
                    },
                ];
            }
            const ds = of(await analyzeAll(s), c.rule);
            assert.ok(ds.length > 0, "reported, not passed");
            for (const d of ds) {
                assert.equal(d.level, "advisory", d.message);
                assert.match(d.message, /\ncould not check: /, d.message);
            }
        });
    }

    it("says what it could not check, verbatim", async () => {
        const endpoint = { ...stack()[3], props: { ...stack()[3].props, vpcEndpointType: UNKNOWN_VALUE, ipAddressType: UNKNOWN_VALUE } };
        const ds = await resourceOnly(endpoint);
        expectOnly(of(ds, "apprunner-endpoint-interface"), [
            unchecked("apprunner-endpoint-interface", endpoint, `VpcEndpoint "endpoint"'s vpcEndpointType is not known yet.`),
        ]);
        expectOnly(of(ds, "apprunner-endpoint-ip-address-type"), [
            unchecked("apprunner-endpoint-ip-address-type", endpoint, `VpcEndpoint "endpoint"'s ipAddressType is not known yet.`),
        ]);
    });

    it(
        "a SecurityGroupRule whose cidrBlocks is an unknown list (vpc.cidrBlock.apply(c => [c])) " +
            "beside an App Runner endpoint: no crash",
        async () => {
            const rule: TestResource = {
                type: "aws:ec2/securityGroupRule:SecurityGroupRule",
                name: "from-vpc",
                props: { type: "ingress", securityGroupId: SG, protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: UNKNOWN_VALUE },
                deps: { securityGroupId: ["sg"] },
            };
            const ds = await analyzeAll([...stack(), rule]);
            const sg = ds.filter((d) => d.policy.startsWith("apprunner-endpoint-sg"));
            assert.deepEqual(
                sg.map((d) => [d.policy, d.level, d.message.split("\n")[1]]),
                [
                    [
                        "apprunner-endpoint-sg-not-world-open",
                        "advisory",
                        `could not check: SecurityGroupRule "from-vpc"'s direction, protocol, ports or sources are not known yet.`,
                    ],
                    [
                        "apprunner-endpoint-sg-https-only",
                        "advisory",
                        `could not check: SecurityGroupRule "from-vpc"'s direction, protocol, ports or sources are not known yet.`,
                    ],
                ],
            );
        },
    );
});
