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
    create(ctx: Ctx, inputs: State): Promise<{ id: string; state: State }>;
    /** The state, read from AWS; undefined when the resource is gone. `inputs`: the program's last inputs, if any. */
    read(ctx: Ctx, id: string, inputs?: State): Promise<State | undefined>;
    update(ctx: Ctx, id: string, olds: State, news: State): Promise<State>;
    delete(ctx: Ctx, id: string, olds: State): Promise<void>;
}

export const tags = () => io(map(str));
export const region = () => io(str, { computed: true, alwaysOut: true });
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
