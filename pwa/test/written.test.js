/** "Czeka na wysłanie: N" counts what she wrote, not the operations it takes (store/written.js). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writtenCount } from '../src/store/written.js';

test('a reply and a thread with a photo are two, whatever waits for them', () => {
  const waiting = [
    { name: 'post.create', args: { id: 'reply', thread_id: 'old-thread' } },
    { name: 'thread.create', args: { id: 'thread', post_id: 'first-post' } },
    { name: 'attachment.add', args: { id: 'photo', post_id: 'first-post' } }, // its upload, or after it
    { name: 'thread.state', args: { thread_id: 'old-thread' } }, // reading: not writing
    { name: 'notification.read', args: { ids: [] } },
  ];
  assert.equal(writtenCount(waiting), 2);
});

test('an edit of what still waits is part of it; a file added to a post already sent is its own', () => {
  const waiting = [
    { name: 'post.create', args: { id: 'reply' } },
    { name: 'post.update', args: { id: 'reply', body: 'poprawione' } },
    { name: 'attachment.add', args: { id: 'file', post_id: 'sent-long-ago' } },
    { name: 'post.update', args: { id: 'sent-long-ago', body: 'też poprawione' } },
  ];
  assert.equal(writtenCount(waiting), 3);
});

test('a good practice made from a post brings its files with it', () => {
  const waiting = [
    { name: 'post.promote', args: { post_id: 'sent', resource_id: 'practice' } },
    { name: 'attachment.add', args: { id: 'a', resource_id: 'practice' } },
    { name: 'resource.create', args: { id: 'link-practice' } },
    { name: 'post.update', args: { id: 'sent', body: 'the post promoted was sent before: its edit is its own' } },
  ];
  assert.equal(writtenCount(waiting), 3);
});
