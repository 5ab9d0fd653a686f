// What every resource of the copy of the AWS provider shares: the interface each implements, the tag attributes and the
// helpers Terraform's resources use alike (tag updates, errors worded as Terraform words them, DependencyViolation
// retries). Each resource type is a file of its own beside this one; ./index.ts lists them.
import { Ctx, SdkError, hasCode } from "../context";
import { ResourceSchema, io, map, str } from "../schema";

export type State = Record<string, any>;

export interface ResourceType {
    schema: ResourceSchema;
    /** `name` is autonamed (`<logical name>-<7 hex>`) when the program gives none (pulumi-aws autonaming.go). */
    autonamed?: boolean;
    /**
     * The API the provider's transparent tagging interceptor updates `tags` with, before the resource's own update runs
     * (internal/provider/sdkv2/intercept.go and tags_interceptor.go: `Before` an Update, when `tags_all` changed and is
     * known). None: the resource has no `@Tags` annotation.
     */
    tagging?: "ec2" | "apprunner";
    /** False when the Terraform resource has no Importer: an import reads nothing (pulumi-terraform-bridge Read). */
    importable?: false;
    /** The resource's CustomizeDiff, which may ask AWS: more replaced properties; it throws when the plan fails. */
    customizeDiff?(ctx: Ctx, state: State, news: State, changes: string[]): Promise<{ replaces?: string[] }>;
    create(ctx: Ctx, inputs: State): Promise<{ id: string; state: State }>;
    /** The state, read from AWS; undefined when the resource is gone. `inputs`: the program's last inputs, if any. */
    read(ctx: Ctx, id: string, inputs?: State): Promise<State | undefined>;
    update(ctx: Ctx, id: string, olds: State, news: State): Promise<State>;
    /**
     * The state a failed update leaves: the planned values, as the Terraform plugin SDK keeps them when Update returns an
     * error (no d.Partial: hashicorp/terraform-plugin-sdk#476), answered by the bridge as a partial result. Default: the
     * old state with the new inputs.
     */
    failedUpdateState?(olds: State, news: State): State;
    delete(ctx: Ctx, id: string, olds: State): Promise<void>;
}

export const tags = () => io(map(str));
/**
 * The resource's region (Terraform AWS provider v6's per-resource `region`): Optional and Computed; any change replaces
 * the resource (the forceNewIfRegionChanges CustomizeDiff, internal/provider/sdkv2/region.go @ 0073593e, v6; no resource
 * here is exempt). pulumi-aws fills it from the provider's region at Check (provider/region.go @ ec3361eb).
 */
export const region = () => io(str, { computed: true, alwaysOut: true, forceNew: true });
/** AWS's tag list as the provider gives it, resources and data sources alike: a map without `aws:` tags (`IgnoreAWS()`). */
export const tagsOut = (t: { Key: string; Value: string }[] = []) =>
    Object.fromEntries(t.filter((x) => !x.Key.startsWith("aws:")).map((x) => [x.Key, x.Value]));
export const tagList = (t: Record<string, string> | undefined) => Object.entries(t ?? {}).map(([Key, Value]) => ({ Key, Value }));
export const tagSpec = (type: string, t: Record<string, string> | undefined) =>
    t && Object.keys(t).length ? [{ ResourceType: type, Tags: tagList(t) }] : undefined;

/** Terraform's tags update for EC2: CreateTags for new or changed values, DeleteTags for removed keys. */
export async function updateEc2Tags(
    ctx: Ctx,
    id: string,
    olds: Record<string, string> = {},
    news: Record<string, string> = {},
): Promise<void> {
    const removed = Object.keys(olds).filter((k) => !(k in news));
    const changed = Object.entries(news).filter(([k, v]) => olds[k] !== v);
    if (removed.length) await ctx.call("ec2", "DeleteTags", { Resources: [id], Tags: removed.map((Key) => ({ Key })) });
    if (changed.length) await ctx.call("ec2", "CreateTags", { Resources: [id], Tags: changed.map(([Key, Value]) => ({ Key, Value })) });
}

/** Runs an AWS call, wrapping its error as Terraform words the operation ("creating EC2 VPC Endpoint (…): …"). */
export async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
        return await run();
    } catch (e) {
        throw new SdkError(`${what}: ${(e as Error).message}`, (e as SdkError).code);
    }
}

export const notFound = (e: unknown, ...codes: string[]) => hasCode(e, ...codes);

/** Terraform's RetryWhenAWSErrCodeEquals(DependencyViolation): the call again until it passes or the time is up. */
export async function retryDependency(
    ctx: Ctx,
    what: string,
    timeoutMs: number,
    run: () => Promise<unknown>,
    gone: string[],
): Promise<void> {
    const deadline = ctx.deadline(timeoutMs);
    for (;;) {
        try {
            await run();
            return;
        } catch (e) {
            if (notFound(e, ...gone)) return;
            if (!hasCode(e, "DependencyViolation") || ctx.now() >= deadline)
                throw new SdkError(`${what}: ${(e as Error).message}`, (e as SdkError).code);
            await ctx.sleep(5_000);
        }
    }
}

export async function updateAppRunnerTags(
    ctx: Ctx,
    arn: string,
    olds: Record<string, string> = {},
    news: Record<string, string> = {},
): Promise<void> {
    const removed = Object.keys(olds).filter((k) => !(k in news));
    const changed = Object.entries(news).filter(([k, v]) => olds[k] !== v);
    if (removed.length) await ctx.call("apprunner", "UntagResource", { ResourceArn: arn, TagKeys: removed });
    if (changed.length)
        await ctx.call("apprunner", "TagResource", { ResourceArn: arn, Tags: changed.map(([Key, Value]) => ({ Key, Value })) });
}
