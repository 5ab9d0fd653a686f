// `aws.apprunner.Service`: hashicorp/terraform-provider-aws internal/service/apprunner/service.go.
import { Ctx, PartialCreate, SdkError, waitFor } from "../context";
import { bool, int, io, map, obj, out, str } from "../schema";
import { arn, oneOf } from "../validators";
import { ResourceType, notFound, region, step, tagList, tags, tagsOut } from "./common";

/** Pulumi's camelCase blocks as App Runner's PascalCase members, maps (environment variables) kept as they are. */
const MAPS = new Set([
    "runtimeEnvironmentVariables",
    "runtimeEnvironmentSecrets",
    "RuntimeEnvironmentVariables",
    "RuntimeEnvironmentSecrets",
]);
function recase(v: unknown, upper: boolean): unknown {
    if (Array.isArray(v)) return v.map((x) => recase(x, upper));
    if (typeof v !== "object" || v === null) return v;
    return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [
            upper ? k[0].toUpperCase() + k.slice(1) : k[0].toLowerCase() + k.slice(1),
            MAPS.has(k) ? x : recase(x, upper),
        ]),
    );
}

/** A type token of the App Runner module, named as @pulumi/aws names its nested types (`aws:apprunner/<Type>:<Type>`). */
const apprunnerType = (type: string) => `aws:apprunner/${type}:${type}`;

const image = obj("aws:apprunner/ServiceSourceConfigurationImageRepository:ServiceSourceConfigurationImageRepository", {
    imageIdentifier: io(str, { required: true }),
    imageRepositoryType: io(str, { required: true, validate: oneOf(["ECR", "ECR_PUBLIC"]) }),
    imageConfiguration: io(
        obj(apprunnerType("ServiceSourceConfigurationImageRepositoryImageConfiguration"), {
            port: io(str, { default: "8080" }),
            runtimeEnvironmentSecrets: io(map(str)),
            runtimeEnvironmentVariables: io(map(str)),
            startCommand: io(str),
        }),
    ),
});
const codeRepository = obj("aws:apprunner/ServiceSourceConfigurationCodeRepository:ServiceSourceConfigurationCodeRepository", {
    repositoryUrl: io(str, { required: true }),
    sourceCodeVersion: io(
        obj(apprunnerType("ServiceSourceConfigurationCodeRepositorySourceCodeVersion"), {
            type: io(str, { required: true }),
            value: io(str, { required: true }),
        }),
        { required: true },
    ),
    sourceDirectory: io(str),
    codeConfiguration: io(
        obj(apprunnerType("ServiceSourceConfigurationCodeRepositoryCodeConfiguration"), {
            configurationSource: io(str, { required: true, validate: oneOf(["REPOSITORY", "API"]) }),
            codeConfigurationValues: io(
                obj(apprunnerType("ServiceSourceConfigurationCodeRepositoryCodeConfigurationCodeConfigurationValues"), {
                    runtime: io(str, { required: true }),
                    buildCommand: io(str),
                    port: io(str),
                    startCommand: io(str),
                    runtimeEnvironmentSecrets: io(map(str)),
                    runtimeEnvironmentVariables: io(map(str)),
                }),
            ),
        }),
    ),
});

export const service: ResourceType = {
    tagging: "apprunner",
    schema: {
        token: "aws:apprunner/service:Service",
        properties: {
            serviceName: io(str, { required: true, forceNew: true, alwaysOut: true }),
            sourceConfiguration: io(
                obj("aws:apprunner/ServiceSourceConfiguration:ServiceSourceConfiguration", {
                    autoDeploymentsEnabled: io(bool, { default: true }),
                    authenticationConfiguration: io(
                        obj(apprunnerType("ServiceSourceConfigurationAuthenticationConfiguration"), {
                            accessRoleArn: io(str, { validate: arn }),
                            connectionArn: io(str, { validate: arn }),
                        }),
                    ),
                    imageRepository: io(image),
                    codeRepository: io(codeRepository),
                }),
                { required: true, alwaysOut: true },
            ),
            networkConfiguration: io(
                obj("aws:apprunner/ServiceNetworkConfiguration:ServiceNetworkConfiguration", {
                    egressConfiguration: io(
                        obj(apprunnerType("ServiceNetworkConfigurationEgressConfiguration"), {
                            egressType: io(str, { default: "DEFAULT", validate: oneOf(["DEFAULT", "VPC"]) }),
                            vpcConnectorArn: io(str, { validate: arn }),
                        }),
                        { computed: true },
                    ),
                    ingressConfiguration: io(
                        obj(apprunnerType("ServiceNetworkConfigurationIngressConfiguration"), {
                            isPubliclyAccessible: io(bool, { computed: true }),
                        }),
                        { computed: true },
                    ),
                    ipAddressType: io(str, { default: "IPV4", validate: oneOf(["IPV4", "DUAL_STACK"]) }),
                }),
                { computed: true, alwaysOut: true },
            ),
            instanceConfiguration: io(
                obj("aws:apprunner/ServiceInstanceConfiguration:ServiceInstanceConfiguration", {
                    cpu: io(str, { default: "1024" }),
                    memory: io(str, { default: "2048" }),
                    instanceRoleArn: io(str, { validate: arn }),
                }),
                { computed: true, alwaysOut: true },
            ),
            healthCheckConfiguration: io(
                obj("aws:apprunner/ServiceHealthCheckConfiguration:ServiceHealthCheckConfiguration", {
                    healthyThreshold: io(int, { default: 1 }),
                    interval: io(int, { default: 5 }),
                    path: io(str, { default: "/" }),
                    protocol: io(str, { default: "TCP", validate: oneOf(["TCP", "HTTP"]) }),
                    timeout: io(int, { default: 2 }),
                    unhealthyThreshold: io(int, { default: 5 }),
                }),
                { computed: true, alwaysOut: true },
            ),
            encryptionConfiguration: io(
                obj("aws:apprunner/ServiceEncryptionConfiguration:ServiceEncryptionConfiguration", {
                    kmsKey: io(str, { required: true, validate: arn }),
                }),
                { forceNew: true },
            ),
            observabilityConfiguration: io(
                obj("aws:apprunner/ServiceObservabilityConfiguration:ServiceObservabilityConfiguration", {
                    observabilityEnabled: io(bool, { required: true }),
                    observabilityConfigurationArn: io(str, { validate: arn }),
                }),
            ),
            autoScalingConfigurationArn: io(str, { computed: true, alwaysOut: true, validate: arn }),
            region: region(),
            tags: tags(),
            arn: out(str),
            serviceId: out(str),
            serviceUrl: out(str),
            status: out(str),
            tagsAll: out(map(str)),
        },
    },
    async create(ctx, inputs) {
        const { Service: s } = await step(`creating App Runner Service (${inputs.serviceName})`, () =>
            ctx.call("apprunner", "CreateService", {
                ServiceName: inputs.serviceName,
                SourceConfiguration: recase(inputs.sourceConfiguration, true),
                NetworkConfiguration: recase(inputs.networkConfiguration, true),
                InstanceConfiguration: recase(inputs.instanceConfiguration, true),
                HealthCheckConfiguration: recase(inputs.healthCheckConfiguration, true),
                EncryptionConfiguration: recase(inputs.encryptionConfiguration, true),
                ObservabilityConfiguration: recase(inputs.observabilityConfiguration, true),
                AutoScalingConfigurationArn: inputs.autoScalingConfigurationArn,
                Tags: tagList(inputs.tags),
            }),
        );
        const id = s.ServiceArn;
        try {
            // Fixed at 20 minutes (service.go: serviceCreateTimeout).
            await waitFor(ctx, `waiting for App Runner Service (${id}) create`, {
                pending: ["OPERATION_IN_PROGRESS"],
                target: ["RUNNING"],
                timeoutMs: 1_200_000,
                pollMs: 10_000,
                refresh: () => serviceStatus(ctx, id),
            });
        } catch (e) {
            throw new PartialCreate(id, (await this.read(ctx, id)) ?? {}, (e as Error).message);
        }
        return { id, state: (await this.read(ctx, id))! };
    },
    async read(ctx, id) {
        let s;
        try {
            ({ Service: s } = await ctx.call("apprunner", "DescribeService", { ServiceArn: id }));
        } catch (e) {
            if (notFound(e, "ResourceNotFoundException")) return undefined;
            throw new SdkError(`reading App Runner Service (${id}): ${(e as Error).message}`);
        }
        if (s.Status === "DELETED") return undefined;
        const t = (await ctx.call("apprunner", "ListTagsForResource", { ResourceArn: id })).Tags;
        return {
            arn: s.ServiceArn,
            autoScalingConfigurationArn: s.AutoScalingConfigurationSummary.AutoScalingConfigurationArn,
            ...(s.EncryptionConfiguration ? { encryptionConfiguration: recase(s.EncryptionConfiguration, false) } : {}),
            healthCheckConfiguration: recase(s.HealthCheckConfiguration, false),
            instanceConfiguration: recase(s.InstanceConfiguration, false),
            networkConfiguration: recase(s.NetworkConfiguration, false),
            ...(s.ObservabilityConfiguration ? { observabilityConfiguration: recase(s.ObservabilityConfiguration, false) } : {}),
            region: ctx.region,
            serviceId: s.ServiceId,
            serviceName: s.ServiceName,
            serviceUrl: s.ServiceUrl ?? "",
            sourceConfiguration: recase(s.SourceConfiguration, false),
            status: s.Status,
            tags: tagsOut(t),
            tagsAll: tagsOut(t),
        };
    },
    async update(ctx, id, olds, news) {
        const changed = (k: string) => news[k] !== undefined && JSON.stringify(news[k]) !== JSON.stringify(olds[k]);
        const params: Record<string, unknown> = { ServiceArn: id };
        for (const k of [
            "sourceConfiguration",
            "networkConfiguration",
            "instanceConfiguration",
            "healthCheckConfiguration",
            "observabilityConfiguration",
        ]) {
            if (changed(k)) params[k[0].toUpperCase() + k.slice(1)] = recase(news[k], true);
        }
        if (changed("autoScalingConfigurationArn")) params.AutoScalingConfigurationArn = news.autoScalingConfigurationArn;
        if (Object.keys(params).length > 1) {
            await step(`updating App Runner Service (${id})`, () => ctx.call("apprunner", "UpdateService", params));
            await waitFor(ctx, `waiting for App Runner Service (${id}) update`, {
                pending: ["OPERATION_IN_PROGRESS"],
                target: ["RUNNING"],
                timeoutMs: 1_200_000,
                pollMs: 10_000,
                refresh: () => serviceStatus(ctx, id),
            });
        }
        return (await this.read(ctx, id))!;
    },
    async delete(ctx, id) {
        try {
            await ctx.call("apprunner", "DeleteService", { ServiceArn: id });
        } catch (e) {
            if (notFound(e, "ResourceNotFoundException")) return;
            throw new SdkError(`deleting App Runner Service (${id}): ${(e as Error).message}`, (e as SdkError).code);
        }
        await waitFor(ctx, `waiting for App Runner Service (${id}) delete`, {
            pending: ["OPERATION_IN_PROGRESS"],
            target: [],
            timeoutMs: 1_200_000,
            pollMs: 10_000,
            refresh: () => serviceStatus(ctx, id),
        });
    },
};

async function serviceStatus(ctx: Ctx, arn: string): Promise<string | undefined> {
    try {
        const status = (await ctx.call("apprunner", "DescribeService", { ServiceArn: arn })).Service.Status;
        return status === "DELETED" ? undefined : status;
    } catch (e) {
        if (notFound(e, "ResourceNotFoundException")) return undefined;
        throw e;
    }
}
