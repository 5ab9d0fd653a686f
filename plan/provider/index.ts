// A copy of the AWS provider (`@pulumi/aws` 7, the bridged Terraform AWS provider) over the model of AWS: the stand-in
// plugin serves it over gRPC to the real engine, the mocks serve it to `setMocks`, the console and the plan use it.
// Check, Diff, Read and the rest behave as the real provider's do where users notice (./check.ts, ./resources.ts);
// AWS itself is ../aws, which knows nothing of this layer.
import { DiffResult, check, diff, importInputs, refreshedInputs } from "./check";
import { PartialCreate } from "./context";
import { Ctx } from "./context";
import { FUNCTIONS } from "./functions";
import { RESOURCES, ResourceType } from "./resources/index";
import { updateAppRunnerTags, updateEc2Tags } from "./resources/common";
import { pulumiSchema } from "./schema";

export { Ctx, PartialCreate, SdkError, sdkError } from "./context";
export { UNKNOWN, isUnknown } from "./check";
export { CLOUDCONTROL_RESOURCE, CONNECTION, MODELLED_TYPES, SECURITY_GROUP, SERVICE, SUBNET, VPC, VPC_ENDPOINT } from "./resources/index";

/** How the engine asks for a name (CheckRequest.autonaming): a proposal, or none at all. */
export interface Autonaming {
    mode: "propose" | "enforce" | "disable";
    proposedName?: string;
}

export class AwsProvider {
    /** @param connect reaches AWS in a region. @param suffix 7 characters for an autoname (random in the real one). */
    constructor(
        private readonly connect: (region: string) => Ctx,
        private readonly suffix: (urnName: string) => string,
    ) {}

    static schema(version: string): string {
        return pulumiSchema(
            version,
            Object.values(RESOURCES).map((r) => r.schema),
            Object.values(FUNCTIONS).map((f) => f.schema),
        );
    }

    static models(token: string): boolean {
        return token in RESOURCES;
    }

    private type(token: string): ResourceType {
        const found = RESOURCES[token];
        if (!found) throw new Error(`the stand-in AWS provider does not model ${token}`);
        return found;
    }

    /**
     * Defaults, autonaming and failures. A `name` kept in the old inputs stays (the bridge reuses an autoname), else the
     * engine's proposal, else `<logical name>-<7 characters>` (pulumi-aws autonaming).
     */
    check(
        token: string,
        urnName: string,
        news: Record<string, any>,
        olds: Record<string, any> = {},
        autonaming?: Autonaming,
        providerRegion?: string,
    ) {
        const type = this.type(token);
        // pulumi-aws fills a resource's `region` from the provider's before Check (provider/region.go).
        let inputs =
            providerRegion !== undefined && type.schema.properties.region && news.region === undefined
                ? { ...news, region: providerRegion }
                : news;
        if (type.autonamed && news.name === undefined && news.namePrefix === undefined) {
            const kept = olds.name !== undefined && (olds.__defaults ?? []).includes("name") ? olds.name : undefined;
            const name =
                kept ?? (autonaming?.mode === "disable" ? undefined : (autonaming?.proposedName ?? `${urnName}-${this.suffix(urnName)}`));
            if (name === undefined) return { inputs: news, failures: ["automatic naming is disabled but no explicit name was provided"] };
            inputs = { ...inputs, name, __defaults: [...(news.__defaults ?? []), "name"] };
        }
        // Terraform's validators see the program's values, not the defaults the provider adds (bridge Check).
        return { inputs: check(type.schema, urnName, inputs).inputs, failures: check(type.schema, urnName, news).failures };
    }

    /** The bridge's Diff: the schema's, then the resource's CustomizeDiff (which may ask AWS, e.g. for a type's schema). */
    async diff(
        token: string,
        state: Record<string, any>,
        news: Record<string, any>,
        oldInputs: Record<string, any>,
        region: string,
    ): Promise<DiffResult> {
        const type = this.type(token);
        const result = diff(type.schema, state, news, oldInputs, !!type.autonamed);
        if (!type.customizeDiff) return result;
        const more = await type.customizeDiff(this.connect(state.region ?? region), state, news, result.changes);
        const replaces = [...new Set([...result.replaces, ...(more.replaces ?? [])])];
        return { ...result, replaces };
    }

    /** Creates a resource; a PartialCreate when AWS made it but it never became ready. */
    create(token: string, inputs: Record<string, any>, region: string) {
        return this.type(token).create(this.connect(inputs.region ?? region), inputs);
    }

    /**
     * Reads a resource from AWS: its state, and its inputs (a refresh keeps the old inputs' keys; an import, with none,
     * gets the inputs the state implies). Undefined when it no longer exists.
     */
    async read(token: string, id: string, region: string, oldInputs?: Record<string, any>, oldState?: Record<string, any>) {
        const type = this.type(token);
        // Without an importer, the bridge reads nothing on an import (pulumi-terraform-bridge provider.go Read).
        if (type.importable === false && !oldState) return undefined;
        // A refresh reads from the state (the bridge's Read builds the Terraform state from the old outputs), which after a
        // failed update holds the planned values while the old inputs do not.
        const given = type.importable === false ? { ...oldInputs, ...oldState } : oldInputs;
        const state = await type.read(this.connect(oldState?.region ?? oldInputs?.region ?? region), id, given);
        if (state === undefined) return undefined;
        const inputs =
            oldInputs && Object.keys(oldInputs).length > 0
                ? refreshedInputs(type.schema, oldInputs, state)
                : importInputs(type.schema, state);
        return { id, state, inputs };
    }

    /**
     * Updates a resource: its tags first (the tagging interceptor runs before the resource's own update), then the rest. On
     * a failure, a PartialCreate with the state the Terraform plugin SDK keeps (the planned values: see failedUpdateState),
     * which the bridge answers as a partial result and the engine records.
     */
    async update(token: string, id: string, olds: Record<string, any>, news: Record<string, any>, region: string) {
        const type = this.type(token);
        const ctx = this.connect(olds.region ?? region);
        try {
            if (type.tagging === "ec2") await updateEc2Tags(ctx, id, olds.tags, news.tags);
            if (type.tagging === "apprunner") await updateAppRunnerTags(ctx, id, olds.tags, news.tags);
            return await type.update(ctx, id, olds, news);
        } catch (e) {
            throw this.failedUpdate(token, id, olds, news, e);
        }
    }

    /** The partial result of an update that failed (`e`): the planned values, as the Terraform plugin SDK keeps them. */
    failedUpdate(token: string, id: string, olds: Record<string, any>, news: Record<string, any>, e: unknown): PartialCreate {
        if (e instanceof PartialCreate) return e;
        const type = this.type(token);
        const { __defaults: _d, ...planned } = news;
        const state = type.failedUpdateState ? type.failedUpdateState(olds, planned) : { ...olds, ...planned };
        return new PartialCreate(id, state, (e as Error).message);
    }

    delete(token: string, id: string, olds: Record<string, any>, region: string) {
        return this.type(token).delete(this.connect(olds.region ?? region), id, olds);
    }

    invoke(token: string, args: Record<string, any>, region: string) {
        const f = FUNCTIONS[token];
        if (!f) throw new Error(`the stand-in AWS provider does not model the function ${token}`);
        return f.invoke(this.connect(args.region ?? region), args);
    }
}
