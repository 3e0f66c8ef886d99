// renderer/: a form that opens in place. Its heading takes focus when it opens, so keyboard and
// screen-reader users land on it; closing hands focus back to whoever opened it (the caller's job).
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function FormPanel(props: { title: string; level?: 3 | 4; className?: string; children: ReactNode }) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const Heading = props.level === 4 ? 'h4' : 'h3';
  return (
    <section className={`panel form-panel${props.className ? ` ${props.className}` : ''}`} aria-labelledby={headingId}>
      <Heading id={headingId} ref={heading} tabIndex={-1}>
        {props.title}
      </Heading>
      {props.children}
    </section>
  );
}
