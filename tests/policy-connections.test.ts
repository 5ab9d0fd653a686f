// The policy rules about connections and shared endpoints, compliant and not, through @pulumi/policy's analyzer entry
// points, messages verbatim; a connection as PrivateEndpoint makes it (a Cloud Control resource) included.
import * as assert from "node:assert/strict";
import { TestResource, UNKNOWN_VALUE, analyzeAll, urnOf } from "./analyzer";
import {
    ACCOUNT,
    ADMIN_ARN,
    API_ARN,
    MOVE_IN_PLACE,
    OTHER_VPC,
    T,
    VPC,
    VPCE,
    expectOnly,
    of,
    resourceOnly,
    stack,
    stackOnly,
    unchecked,
    violation,
} from "./policy-fixtures";

describe("policy rules through @pulumi/policy's analyzer", () => {
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
