import { useState } from 'react';
import { PictureOutlined } from '@ant-design/icons';

/** A product photo from the blob store (/blobs/<hash>), or a placeholder when there is none or it fails. */
export function Thumb({ hash, size = 40 }: { hash: string; size?: number }) {
  const [failed, setFailed] = useState<string>();
  const box = {
    width: size,
    height: size,
    borderRadius: 4,
    background: '#fafafa',
    border: '1px solid #f0f0f0',
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    overflow: 'hidden',
  } as const;
  if (!hash || failed === hash) {
    return (
      <span style={box} data-testid="thumb-placeholder">
        <PictureOutlined style={{ color: '#bfbfbf', fontSize: size / 2 }} />
      </span>
    );
  }
  return (
    <span style={box}>
      <img
        src={`/blobs/${hash}`}
        alt=""
        loading="lazy"
        style={{ width: '100%', height: '100%', objectFit: 'cover' }}
        onError={() => setFailed(hash)}
      />
    </span>
  );
}
