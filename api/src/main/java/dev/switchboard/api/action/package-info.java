/**
 * Actions: the kinds of work a command can do ({@code shell}, {@code http}, {@code reply}, ...). An
 * {@link dev.switchboard.api.action.ActionFactory} validates a command's action settings at start-up and builds an
 * {@link dev.switchboard.api.action.Action}, which runs inside a job with a
 * {@link dev.switchboard.api.action.JobContext} for output, cancellation and the deadline.
 */
package dev.switchboard.api.action;
