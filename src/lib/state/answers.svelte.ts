/**
 * Sends the device's queued answers: on start, when the connection returns and when a retry
 * is due (the one queue scheduler). Pages that show answers re-read when `version` moves.
 * Browser only.
 */
import { getAppDb } from '$lib/db';
import { flushAnswers, makeAnswersDue, nextAnswerDue } from '$lib/participation/answer-queue';
import { QueueRunner } from './queue-runner.svelte';

export const answerQueue = new QueueRunner({
	run: async () => void (await flushAnswers(getAppDb())),
	makeAllDue: () => makeAnswersDue(getAppDb()),
	nextDue: () => nextAnswerDue(getAppDb())
});
