/** What went wrong, said at once to screen readers (role alert); nothing when all is well. */
interface ProblemLineProps {
  text: string | null;
  testId?: string;
}

/** e.g. <ProblemLine text="Der Server antwortet nicht." /> */
export function ProblemLine({ text, testId }: ProblemLineProps) {
  if (!text) return null;
  return (
    <p className="of-problem" role="alert" data-testid={testId}>
      {text}
    </p>
  );
}
