package dev.tributary.pipelines.joins;

/**
 * What a built join job reads: whether any input is a stream (then the job runs until stopped, or until its
 * inputs go quiet with {@code --stopAfterIdle}), and its inputs as given, for messages.
 */
public record JoinJobInputs(boolean streaming, String describe) {}
