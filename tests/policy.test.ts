// Every policy rule about services, endpoints and their security groups, compliant and not, through @pulumi/policy's
// analyzer entry points, messages verbatim (connections: policy-connections.test.ts).
import * as assert from "node:assert/strict";
import { rules } from "../policy/index";
import { Analysis, TestResource, UNKNOWN_VALUE, analyze, analyzeAll, analyzeStack } from "./analyzer";
import { SG, expectOnly, of, resourceOnly, stack, stackOnly, unchecked, violation } from "./policy-fixtures";

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
});
